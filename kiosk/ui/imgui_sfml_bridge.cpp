#include "ui/imgui_sfml_bridge.hpp"

#include <imgui.h>
#include <imgui_impl_opengl2.h>

#include <SFML/Window/Clipboard.hpp>
#include <algorithm>
#include <array>
#include <cfloat>

namespace antrean::ui {
namespace {

constexpr int kMouseButtonCount = 5;
// The size of ImGuiIO::KeysDown in ImGui 1.86.
constexpr size_t kKeyCount = sizeof(ImGuiIO::KeysDown) / sizeof(bool);

int to_imgui_mouse_button(sf::Mouse::Button button) {
    switch (button) {
        case sf::Mouse::Left:
            return 0;
        case sf::Mouse::Right:
            return 1;
        case sf::Mouse::Middle:
            return 2;
        case sf::Mouse::XButton1:
            return 3;
        case sf::Mouse::XButton2:
            return 4;
        default:
            return -1;
    }
}

void map_keys(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = sf::Keyboard::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = sf::Keyboard::Left;
    io.KeyMap[ImGuiKey_RightArrow] = sf::Keyboard::Right;
    io.KeyMap[ImGuiKey_UpArrow] = sf::Keyboard::Up;
    io.KeyMap[ImGuiKey_DownArrow] = sf::Keyboard::Down;
    io.KeyMap[ImGuiKey_PageUp] = sf::Keyboard::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = sf::Keyboard::PageDown;
    io.KeyMap[ImGuiKey_Home] = sf::Keyboard::Home;
    io.KeyMap[ImGuiKey_End] = sf::Keyboard::End;
    io.KeyMap[ImGuiKey_Insert] = sf::Keyboard::Insert;
    io.KeyMap[ImGuiKey_Delete] = sf::Keyboard::Delete;
    io.KeyMap[ImGuiKey_Backspace] = sf::Keyboard::Backspace;
    io.KeyMap[ImGuiKey_Space] = sf::Keyboard::Space;
    io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Enter;
    io.KeyMap[ImGuiKey_Escape] = sf::Keyboard::Escape;
    io.KeyMap[ImGuiKey_A] = sf::Keyboard::A;
    io.KeyMap[ImGuiKey_C] = sf::Keyboard::C;
    io.KeyMap[ImGuiKey_V] = sf::Keyboard::V;
    io.KeyMap[ImGuiKey_X] = sf::Keyboard::X;
    io.KeyMap[ImGuiKey_Y] = sf::Keyboard::Y;
    io.KeyMap[ImGuiKey_Z] = sf::Keyboard::Z;
    // SFML 2.5 has no separate keypad Enter, so ImGuiKey_KeyPadEnter stays unmapped (-1).
}

const char* get_clipboard_text(void* user_data) {
    auto* storage = static_cast<std::string*>(user_data);
    *storage = sf::Clipboard::getString().toAnsiString();
    return storage->c_str();
}

void set_clipboard_text(void*, const char* text) {
    sf::Clipboard::setString(sf::String::fromUtf8(text, text + std::char_traits<char>::length(text)));
}

}  // namespace

ImGuiSfmlBridge::~ImGuiSfmlBridge() {
    shutdown();
}

bool ImGuiSfmlBridge::init(sf::RenderWindow& window) {
    if (initialized_) {
        return true;
    }
    window_ = &window;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.BackendPlatformName = "antrean_imgui_sfml";
    io.MouseDrawCursor = false;
    map_keys(io);
    io.GetClipboardTextFn = get_clipboard_text;
    io.SetClipboardTextFn = set_clipboard_text;
    io.ClipboardUserData = &clipboard_text_;

    const sf::Vector2u size = window.getSize();
    io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));

    if (!window.setActive(true) || !ImGui_ImplOpenGL2_Init()) {
        ImGui::DestroyContext();
        window_ = nullptr;
        return false;
    }
    initialized_ = true;
    fonts_uploaded_ = false;
    return true;
}

void ImGuiSfmlBridge::push_mouse_move(float x, float y) {
    QueuedInput input;
    input.kind = InputKind::MouseMove;
    input.x = x;
    input.y = y;
    queue_.push_back(input);
}

void ImGuiSfmlBridge::push_mouse_button(int button, bool down, float x, float y) {
    // The position comes first, so the press lands where the finger or pointer is even when
    // no move event preceded it (a touchscreen jumps straight to the tapped point).
    push_mouse_move(x, y);
    QueuedInput input;
    input.kind = InputKind::MouseButton;
    input.index = button;
    input.down = down;
    queue_.push_back(input);
}

void ImGuiSfmlBridge::process_event(const sf::Event& event) {
    if (!initialized_) {
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
        case sf::Event::MouseMoved:
            push_mouse_move(static_cast<float>(event.mouseMove.x),
                            static_cast<float>(event.mouseMove.y));
            break;
        case sf::Event::MouseButtonPressed:
        case sf::Event::MouseButtonReleased: {
            const int button = to_imgui_mouse_button(event.mouseButton.button);
            if (button >= 0) {
                push_mouse_button(button, event.type == sf::Event::MouseButtonPressed,
                                  static_cast<float>(event.mouseButton.x),
                                  static_cast<float>(event.mouseButton.y));
            }
            break;
        }
        case sf::Event::TouchBegan:
        case sf::Event::TouchEnded:
            if (event.touch.finger == 0) {
                push_mouse_button(0, event.type == sf::Event::TouchBegan,
                                  static_cast<float>(event.touch.x),
                                  static_cast<float>(event.touch.y));
            }
            break;
        case sf::Event::TouchMoved:
            if (event.touch.finger == 0) {
                push_mouse_move(static_cast<float>(event.touch.x), static_cast<float>(event.touch.y));
            }
            break;
        case sf::Event::MouseLeft: {
            QueuedInput input;
            input.kind = InputKind::MouseLeft;
            queue_.push_back(input);
            break;
        }
        case sf::Event::MouseWheelScrolled:
            // The wheel accumulates within a frame, so it needs no ordering.
            if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel) {
                io.MouseWheel += event.mouseWheelScroll.delta;
            } else {
                io.MouseWheelH += event.mouseWheelScroll.delta;
            }
            break;
        case sf::Event::KeyPressed:
        case sf::Event::KeyReleased: {
            const int code = static_cast<int>(event.key.code);
            if (code < 0 || code >= static_cast<int>(kKeyCount)) {
                break;
            }
            QueuedInput input;
            input.kind = InputKind::Key;
            input.index = code;
            input.down = event.type == sf::Event::KeyPressed;
            input.control = event.key.control;
            input.shift = event.key.shift;
            input.alt = event.key.alt;
            input.system = event.key.system;
            queue_.push_back(input);
            break;
        }
        case sf::Event::TextEntered: {
            const sf::Uint32 character = event.text.unicode;
            // Control characters (Backspace, Tab, Enter, Delete) arrive as key events.
            if (character < 0x20 || (character >= 0x7F && character < 0xA0)) {
                break;
            }
            QueuedInput input;
            input.kind = InputKind::Text;
            input.character = character;
            queue_.push_back(input);
            break;
        }
        case sf::Event::GainedFocus:
        case sf::Event::LostFocus: {
            QueuedInput input;
            input.kind = InputKind::Focus;
            input.down = event.type == sf::Event::GainedFocus;
            queue_.push_back(input);
            break;
        }
        default:
            break;
    }
}

void ImGuiSfmlBridge::apply_queued_input() {
    ImGuiIO& io = ImGui::GetIO();
    std::array<bool, kMouseButtonCount> mouse_changed{};
    std::array<bool, kKeyCount> key_changed{};
    bool any_button_changed = false;

    while (!queue_.empty()) {
        const QueuedInput& input = queue_.front();
        switch (input.kind) {
            case InputKind::MouseMove:
            case InputKind::MouseLeft:
                // A move after a press or release in this frame waits, so the frame that
                // shows the button change also has the position where it happened.
                if (any_button_changed) {
                    return;
                }
                if (input.kind == InputKind::MouseMove) {
                    io.MousePos = ImVec2(input.x, input.y);
                } else {
                    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
                }
                break;
            case InputKind::MouseButton:
                if (mouse_changed[input.index]) {
                    return;
                }
                if (io.MouseDown[input.index] != input.down) {
                    io.MouseDown[input.index] = input.down;
                    mouse_changed[input.index] = true;
                    any_button_changed = true;
                }
                break;
            case InputKind::Key:
                if (key_changed[input.index]) {
                    return;
                }
                if (io.KeysDown[input.index] != input.down) {
                    io.KeysDown[input.index] = input.down;
                    key_changed[input.index] = true;
                    any_button_changed = true;
                }
                io.KeyCtrl = input.control;
                io.KeyShift = input.shift;
                io.KeyAlt = input.alt;
                io.KeySuper = input.system;
                break;
            case InputKind::Text:
                io.AddInputCharacter(input.character);
                break;
            case InputKind::Focus:
                io.AddFocusEvent(input.down);
                if (!input.down) {
                    // A button still held when focus goes would stay down for ever, because
                    // its release goes to another window.
                    std::fill(std::begin(io.MouseDown), std::end(io.MouseDown), false);
                    std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
                    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
                }
                break;
        }
        queue_.pop_front();
    }
}

void ImGuiSfmlBridge::upload_fonts() {
    if (!initialized_) {
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    window_->setActive(true);
    ImGui_ImplOpenGL2_DestroyFontsTexture();
    ImGui_ImplOpenGL2_CreateFontsTexture();
    io.Fonts->ClearTexData();
    fonts_uploaded_ = true;
}

void ImGuiSfmlBridge::new_frame(sf::Time elapsed) {
    if (!initialized_) {
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    if (!fonts_uploaded_ || !io.Fonts->IsBuilt()) {
        upload_fonts();
    }

    const sf::Vector2u size = window_->getSize();
    io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    // ImGui asserts a positive frame time; an on-demand loop can draw twice within a tick.
    io.DeltaTime = std::max(elapsed.asSeconds(), 1.0f / 1000.0f);

    apply_queued_input();

    ImGui_ImplOpenGL2_NewFrame();
    ImGui::NewFrame();
}

void ImGuiSfmlBridge::render() {
    if (!initialized_) {
        return;
    }
    ImGui::Render();
    window_->setActive(true);
    // SFML caches OpenGL state (bound texture, shader, blending); the backend changes it
    // behind SFML's back, so both sides start from a reset state.
    window_->resetGLStates();
    ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
    window_->resetGLStates();
}

void ImGuiSfmlBridge::shutdown() {
    if (!initialized_) {
        return;
    }
    window_->setActive(true);
    ImGui_ImplOpenGL2_Shutdown();
    ImGui::DestroyContext();
    queue_.clear();
    initialized_ = false;
    fonts_uploaded_ = false;
    window_ = nullptr;
}

}  // namespace antrean::ui
