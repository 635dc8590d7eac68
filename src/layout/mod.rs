//! Wrapping blocks into rows, and mapping rows to `(block, byte)` anchors. (To come.)
