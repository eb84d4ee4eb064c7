//! `--output table`: the AWS CLI's `+----+` / `||` tables.
//!
//! This is a port of the layout the AWS CLI computes in `awscli/table.py`
//! (`MultiTable`) fed by `TableFormatter`:
//! - the response becomes a list of sections; each has a title (the
//!   operation name, then the key a nested value sits under), optional
//!   column headers, rows, and an indent level (one per nesting);
//! - a dict gives one section: its scalar keys (sorted) as headers over one
//!   row of values (a single scalar key is a `key | value` row instead); its
//!   lists and dicts follow as nested sections, sorted by key;
//! - a list of dicts gives one column table over the sorted union of their
//!   scalar keys (the title repeats before each element when elements have
//!   nested values); a list of scalars gives one row per item;
//! - every section is as wide as the widest one; columns are scaled to fill
//!   it; when that width passes the terminal width (80 unless told) every
//!   one-row section with headers is turned into `header | value` rows;
//! - nested sections are framed by one `|` per level on both sides.
//!
//! Drawn here directly rather than with comfy-table: nested sections, the
//! shared width and the column scaling are what make the output match the
//! AWS CLI, and comfy-table can't express them.

use serde_json::{Map, Value};

use super::eaw::WIDE;
use super::pyfmt::py_str;

/// The width the AWS CLI assumes when stdout is not a terminal.
pub const DEFAULT_TERMINAL_WIDTH: usize = 80;

/// Renders `value` as the AWS CLI's table, titled `title`; `None` when the
/// AWS CLI prints nothing (an empty or false-y value).
pub fn format(title: &str, value: &Value, terminal_width: usize) -> Option<String> {
    let mut table = MultiTable::default();
    if !build(&mut table, Some(title), value, 0) {
        return None;
    }
    Some(table.render(terminal_width))
}

/// Python's truthiness, which decides whether a value gets a section.
fn is_truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
}

fn build(table: &mut MultiTable, title: Option<&str>, current: &Value, indent: usize) -> bool {
    if !is_truthy(current) {
        return false;
    }
    if let Some(title) = title {
        table.new_section(title, indent);
    }
    match current {
        Value::Array(items) => {
            if items[0].is_object() {
                build_from_list(table, items, indent, title);
            } else {
                for item in items {
                    match item {
                        Value::Array(inner) if inner.iter().all(is_scalar) => {
                            table.add_row(inner.iter().map(py_str).collect());
                        }
                        // Python iterates a dict's keys here, so they become the row.
                        Value::Object(map) => table.add_row(map.keys().cloned().collect()),
                        Value::Array(_) => {
                            build(table, None, item, 0);
                        }
                        scalar => table.add_row(vec![py_str(scalar)]),
                    }
                }
            }
        }
        Value::Object(map) => build_from_dict(table, map, indent),
        _ => {}
    }
    true
}

fn split_keys(map: &Map<String, Value>) -> (Vec<&String>, Vec<&String>) {
    let (mut scalars, mut nested): (Vec<&String>, Vec<&String>) =
        map.keys().partition(|k| is_scalar(&map[k.as_str()]));
    scalars.sort();
    nested.sort();
    (scalars, nested)
}

fn build_from_dict(table: &mut MultiTable, map: &Map<String, Value>, indent: usize) {
    let (headers, nested) = split_keys(map);
    if headers.len() == 1 {
        table.add_row(vec![headers[0].clone(), py_str(&map[headers[0].as_str()])]);
    } else if !headers.is_empty() {
        table.add_header(headers.iter().map(|h| (*h).clone()).collect());
        table.add_row(headers.iter().map(|h| py_str(&map[h.as_str()])).collect());
    }
    for key in nested {
        build(table, Some(key), &map[key.as_str()], indent + 1);
    }
}

fn build_from_list(table: &mut MultiTable, items: &[Value], indent: usize, title: Option<&str>) {
    let mut headers: Vec<String> = Vec::new();
    let mut nested: Vec<String> = Vec::new();
    for item in items {
        if let Value::Object(map) = item {
            let (h, n) = split_keys(map);
            headers.extend(h.into_iter().cloned());
            nested.extend(n.into_iter().cloned());
        }
    }
    headers.sort();
    headers.dedup();
    nested.sort();
    nested.dedup();
    table.add_header(headers.clone());
    for (i, item) in items.iter().enumerate() {
        if i > 0 && !nested.is_empty() {
            table.new_section(title.unwrap_or(""), indent);
            table.add_header(headers.clone());
        }
        let empty = Map::new();
        let map = item.as_object().unwrap_or(&empty);
        table.add_row(
            headers
                .iter()
                .map(|h| map.get(h).map(py_str).unwrap_or_default())
                .collect(),
        );
        for key in &nested {
            if let Some(value) = map.get(key) {
                build(table, Some(key), value, indent + 1);
            }
        }
    }
}

/// Columns a string takes: two for East Asian wide, full-width and
/// ambiguous characters, one for the rest (as the AWS CLI counts them).
pub(crate) fn text_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let code = c as u32;
            let wide = WIDE
                .binary_search_by(|&(lo, hi)| {
                    if hi < code {
                        std::cmp::Ordering::Less
                    } else if lo > code {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .is_ok();
            if wide { 2 } else { 1 }
        })
        .sum()
}

#[derive(Default)]
struct Section {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent: usize,
    max_widths: Vec<usize>,
}

impl Section {
    fn update_max_widths(&mut self, cells: &[String]) {
        if self.max_widths.is_empty() {
            self.max_widths = cells.iter().map(|c| text_width(c)).collect();
        } else {
            for (i, cell) in cells.iter().enumerate() {
                let w = text_width(cell);
                match self.max_widths.get_mut(i) {
                    Some(m) => *m = (*m).max(w),
                    None => self.max_widths.push(w),
                }
            }
        }
    }

    fn add_header(&mut self, headers: Vec<String>) {
        self.update_max_widths(&headers);
        self.headers = headers;
    }

    fn add_row(&mut self, row: Vec<String>) {
        self.update_max_widths(&row);
        self.rows.push(row);
    }

    /// Column widths (content plus padding 4) scaled so they add up to
    /// `max_width`, rounding like Python's `round()` and handing the
    /// remainder out one column at a time.
    fn column_widths(&self, max_width: usize) -> Vec<usize> {
        let unscaled: Vec<usize> = self.max_widths.iter().map(|w| w + 4).collect();
        if unscaled.is_empty() {
            return unscaled;
        }
        let total: usize = unscaled.iter().sum();
        let factor = max_width as f64 / total as f64;
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|&w| (factor * w as f64).round_ties_even() as i64)
            .collect();
        let mut off_by: i64 = scaled.iter().sum::<i64>() - max_width as i64;
        while off_by != 0 {
            let order: Vec<usize> = if off_by < 0 {
                (0..scaled.len()).rev().collect()
            } else {
                (0..scaled.len()).collect()
            };
            for i in order {
                if off_by > 0 {
                    scaled[i] -= 1;
                    off_by -= 1;
                } else {
                    scaled[i] += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled.into_iter().map(|w| w.max(0) as usize).collect()
    }

    fn total_width(&self) -> usize {
        let columns: usize = self.max_widths.iter().map(|w| w + 4).sum();
        let total = columns + 2 + 2 * self.indent;
        total.max(text_width(&self.title) + 2 + 2 * self.indent)
    }
}

#[derive(Default)]
struct MultiTable {
    sections: Vec<Section>,
}

impl MultiTable {
    fn new_section(&mut self, title: &str, indent: usize) {
        self.sections.push(Section {
            title: title.to_string(),
            indent,
            ..Section::default()
        });
    }

    fn current(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        self.sections.last_mut().expect("a section exists")
    }

    fn add_header(&mut self, headers: Vec<String>) {
        self.current().add_header(headers);
    }

    fn add_row(&mut self, row: Vec<String>) {
        self.current().add_row(row);
    }

    fn max_width(&self) -> usize {
        self.sections
            .iter()
            .map(Section::total_width)
            .max()
            .unwrap_or(0)
    }

    fn render(&mut self, terminal_width: usize) -> String {
        let mut max_width = self.max_width();
        if max_width > terminal_width {
            self.convert_to_vertical();
            max_width = self.max_width();
        }
        let mut out = String::new();
        out.push_str(&"-".repeat(max_width));
        out.push('\n');
        for section in &self.sections {
            render_section(section, max_width, &mut out);
        }
        out
    }

    /// One-row sections with headers become `header | value` rows.
    fn convert_to_vertical(&mut self) {
        for section in &mut self.sections {
            if section.rows.len() == 1 && !section.headers.is_empty() {
                let mut vertical = Section {
                    title: std::mem::take(&mut section.title),
                    indent: section.indent,
                    ..Section::default()
                };
                let row = std::mem::take(&mut section.rows[0]);
                for (header, cell) in section.headers.iter().zip(row) {
                    vertical.add_row(vec![header.clone(), cell]);
                }
                *section = vertical;
            }
        }
    }
}

fn spaces(n: isize) -> String {
    " ".repeat(n.max(0) as usize)
}

fn center_text(text: &str, length: usize, left: &str, right: &str) -> String {
    let text_len = text_width(text) as isize;
    let length = length as isize;
    let char_start = length / 2 - text_len / 2 - 1;
    let so_far = left.chars().count() as isize + char_start + text_len;
    let right_spaces = length - right.chars().count() as isize - so_far;
    format!(
        "{left}{}{text}{}{right}",
        spaces(char_start),
        spaces(right_spaces)
    )
}

fn align_left(text: &str, length: usize, left: &str, right: &str) -> String {
    let text_len = text_width(text) as isize;
    let length = length as isize;
    let left_len = left.chars().count() as isize;
    let right_len = right.chars().count() as isize;
    let padding = if length - (text_len + 2 + left_len + right_len) >= 0 {
        2
    } else {
        0
    };
    let so_far = left_len + padding + text_len;
    format!(
        "{left}{}{text}{}{right}",
        spaces(padding),
        spaces(length - so_far - right_len)
    )
}

fn line_break(widths: &[usize]) -> String {
    let mut line = String::new();
    for (i, &w) in widths.iter().enumerate() {
        if i == 0 {
            line.push('+');
            line.push_str(&"-".repeat(w.saturating_sub(2)));
            line.push('+');
        } else {
            line.push_str(&"-".repeat(w.saturating_sub(1)));
            line.push('+');
        }
    }
    line
}

fn render_section(section: &Section, max_width: usize, out: &mut String) {
    let bars = "|".repeat(section.indent);
    let mut write_line = |line: &str| {
        out.push_str(&bars);
        out.push_str(line);
        out.push_str(&bars);
        out.push('\n');
    };
    let max_width = max_width.saturating_sub(section.indent * 2);
    if !section.title.is_empty() {
        write_line(&center_text(&section.title, max_width, "|", "|"));
        if section.headers.is_empty() && section.rows.is_empty() {
            write_line(&format!("+{}+", "-".repeat(max_width.saturating_sub(2))));
        }
    }
    if !section.headers.is_empty() {
        let widths = section.column_widths(max_width);
        write_line(&line_break(&widths));
        let mut line = String::new();
        for (i, (w, header)) in widths.iter().zip(&section.headers).enumerate() {
            line.push_str(&center_text(header, *w, if i == 0 { "|" } else { "" }, "|"));
        }
        write_line(&line);
    }
    if !section.rows.is_empty() {
        let widths = section.column_widths(max_width);
        if widths.is_empty() {
            return;
        }
        write_line(&line_break(&widths));
        for row in &section.rows {
            let mut line = String::new();
            for (i, (w, cell)) in widths.iter().zip(row).enumerate() {
                line.push_str(&align_left(cell, *w, if i == 0 { "|" } else { "" }, "|"));
            }
            write_line(&line);
        }
        write_line(&line_break(&widths));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scalar_query_result_prints_only_the_title() {
        let out = format("GetApi", &json!("abc"), 80).unwrap();
        assert_eq!(out, "--------\n|GetApi|\n+------+\n");
    }

    #[test]
    fn falsey_values_print_nothing() {
        for v in [
            json!(null),
            json!({}),
            json!([]),
            json!(""),
            json!(0),
            json!(false),
        ] {
            assert_eq!(format("X", &v, 80), None);
        }
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(text_width("abc"), 3);
        assert_eq!(text_width("日本"), 4);
        // Python counts East Asian "ambiguous" letters such as é as wide too.
        assert_eq!(text_width("é"), 2);
        assert_eq!(text_width("-"), 1);
    }
}
