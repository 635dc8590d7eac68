//! Widgets that draw the reader's state. (To come.)
