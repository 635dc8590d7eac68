//! lede: a terminal reader for news and opinion articles.
//!
//! The crate is split into rooms with one purpose each:
//! - [`article`]: the immutable article text, its blocks and metadata, and the loaders;
//! - [`analysis`]: the entity and quote engine behind `lede analyze` (no terminal code);
//! - [`layout`]: wrapping blocks into rows and mapping rows to `(block, byte)` anchors;
//! - [`app`]: the reader's state, actions, keymap and the pure `update`;
//! - [`ui`]: ratatui widgets that draw the state and write nothing else;
//! - [`theme`]: the styles both the app (its settings) and the widgets read.

pub mod analysis;
pub mod app;
pub mod article;
pub mod cli;
pub mod config;
pub mod data;
pub mod layout;
pub mod state;
pub mod theme;
pub mod ui;
