#pragma once

// Dear ImGui 1.86 on an SFML 2.5 window, rendered through the OpenGL2 backend that
// Debian's libimgui contains. Shared by the visitor kiosk and the staff consoles.
//
// ImGui 1.86 reads input as state (io.MouseDown, io.KeysDown) once per frame and has no
// event queue, so a press and its release inside one frame would cancel out. The bridge
// queues SFML's events and applies them in order, at most one state change per mouse
// button or key per frame: a tap that is pressed and released between two frames is held
// down for one frame and released in the next. has_pending_input() tells the caller to
// draw another frame to deliver the rest of the queue.
//
// Typical loop:
//   bridge.init(window);
//   while (window.isOpen()) {
//       while (window.pollEvent(event)) bridge.process_event(event);
//       bridge.new_frame(dt);  ... ImGui calls ...  bridge.render(); window.display();
//   }
//   bridge.shutdown();

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Time.hpp>
#include <SFML/Window/Event.hpp>
#include <deque>
#include <string>

namespace antrean::ui {

class ImGuiSfmlBridge {
  public:
    ImGuiSfmlBridge() = default;
    ~ImGuiSfmlBridge();
    ImGuiSfmlBridge(const ImGuiSfmlBridge&) = delete;
    ImGuiSfmlBridge& operator=(const ImGuiSfmlBridge&) = delete;

    // Creates the ImGui context for `window`, maps SFML's keys into io.KeyMap, and starts
    // the OpenGL2 renderer. imgui.ini and the ImGui log file are turned off. Returns false
    // when the OpenGL2 backend fails to start. The window must outlive the bridge.
    bool init(sf::RenderWindow& window);

    // Queues an SFML event for the next new_frame(). Mouse, touch (finger 0 acts as the
    // left mouse button), wheel, keyboard, text and focus events are used; others are
    // ignored.
    void process_event(const sf::Event& event);

    // Starts an ImGui frame: sets the display size and the frame time, applies queued input
    // as described above, and calls ImGui::NewFrame(). Uploads the font atlas to a texture
    // first when fonts were added or changed since the last upload.
    void new_frame(sf::Time elapsed);

    // Ends the frame and draws it into the window. SFML's OpenGL state is reset before and
    // after, so SFML drawing in the same window keeps working.
    void render();

    // Stops the renderer and destroys the ImGui context. Safe to call twice.
    void shutdown();

    // Whether queued input is left for later frames, so the caller must draw again.
    bool has_pending_input() const { return !queue_.empty(); }

    // Uploads the font atlas now and frees ImGui's CPU copy of its pixels, which for large
    // fonts is tens of MiB. Call after adding fonts to io.Fonts; new_frame() calls it when
    // needed.
    void upload_fonts();

  private:
    enum class InputKind { MouseMove, MouseButton, MouseLeft, Key, Text, Focus };
    struct QueuedInput {
        InputKind kind = InputKind::MouseMove;
        int index = 0;  // mouse button 0-4, or an sf::Keyboard::Key
        bool down = false;
        float x = 0;
        float y = 0;
        unsigned int character = 0;
        bool control = false;
        bool shift = false;
        bool alt = false;
        bool system = false;
    };

    void apply_queued_input();
    void push_mouse_move(float x, float y);
    void push_mouse_button(int button, bool down, float x, float y);

    sf::RenderWindow* window_ = nullptr;
    bool initialized_ = false;
    bool fonts_uploaded_ = false;
    std::deque<QueuedInput> queue_;
    std::string clipboard_text_;
};

}  // namespace antrean::ui
