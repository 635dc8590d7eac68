//! The reader's state, actions, keymap and the pure `update`. (To come.)
