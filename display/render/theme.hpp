#pragma once

#include <SFML/Graphics/Color.hpp>

// Colours of the wall display: light text on a near-black blue, with amber for what a visitor
// must notice (the newest call, calls waiting for their visitor, the running text). By the
// WCAG 2.1 contrast formula, on the panel colour white reaches 17:1, amber 10.8:1 and the
// muted labels 8.7:1, above the 7:1 of level AAA. The idle text (an empty desk's dash, "no
// calls yet") is dimmer on purpose, at 5.5:1.
namespace antrean::display::render::theme {

inline const sf::Color kBackground{0x0B, 0x12, 0x20};
inline const sf::Color kPanel{0x12, 0x1C, 0x30};
inline const sf::Color kCell{0x19, 0x26, 0x3F};
inline const sf::Color kRule{0x26, 0x36, 0x55};
inline const sf::Color kHeader{0x0E, 0x2F, 0x63};
inline const sf::Color kAccent{0xFF, 0xC6, 0x29};
inline const sf::Color kText{0xFF, 0xFF, 0xFF};
inline const sf::Color kMutedText{0xA9, 0xBB, 0xD8};
inline const sf::Color kIdleText{0x83, 0x93, 0xB0};
inline const sf::Color kServing{0x63, 0xD9, 0x8F};
inline const sf::Color kBanner{0xB3, 0x26, 0x1E};
// Dark text on the amber of a flash or the running text.
inline const sf::Color kTextOnAccent{0x0B, 0x12, 0x20};

}  // namespace antrean::display::render::theme
