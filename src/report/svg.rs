//! SVG heatmaps, written by hand: a grid of labelled cells with a legend.

use std::fmt::Write as _;

use crate::model::JurisdictionCode;
use crate::query::{CoverageReport, CoverageStatus, Verdict};
use crate::report::MatrixCell;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The fill colour of a status (colour-blind-safe sequence, dark = covered).
#[must_use]
pub fn status_color(s: CoverageStatus) -> &'static str {
    match s {
        CoverageStatus::Full => "#1a9850",
        CoverageStatus::Permitted => "#91cf60",
        CoverageStatus::Reserved => "#bdbdbd",
        CoverageStatus::Partial => "#fdae61",
        CoverageStatus::Absent => "#d73027",
        CoverageStatus::NotAssessed => "#eeeeee",
    }
}

fn verdict_color(v: Verdict) -> &'static str {
    match v {
        Verdict::Satisfied => "#1a9850",
        Verdict::Depends => "#fee08b",
        Verdict::NotSatisfied => "#d73027",
    }
}

/// One cell: fill colour, short label, tooltip; `None` for an empty cell.
type Cell = Option<(&'static str, String, String)>;

struct Grid<'a> {
    title: &'a str,
    subtitle: &'a str,
    rows: Vec<String>,
    cols: Vec<String>,
    /// (fill, short label, tooltip) per row, per column
    cells: Vec<Vec<Cell>>,
    legend: Vec<(&'static str, String)>,
    /// Lines of text under the legend (e.g. what the cells' codes stand for).
    notes: Vec<String>,
    /// A second band under the first, with its own heading and columns and the same rows.
    band: Option<Band>,
}

/// A second band of cells: a heading, columns, and one line of cells per row of the grid.
struct Band {
    heading: String,
    cols: Vec<String>,
    cells: Vec<Vec<Cell>>,
}

fn render(g: &Grid<'_>) -> String {
    let cell_w = 64;
    let cell_h = 30;
    let left = 12
        + 9 * g
            .rows
            .iter()
            .map(|r| r.chars().count())
            .max()
            .unwrap_or(4)
            .min(40) as i32;
    let top = 96;
    let band_cols = g.band.as_ref().map_or(0, |b| b.cols.len());
    let width = left + cell_w * g.cols.len().max(band_cols) as i32 + 40;
    // A band starts under the first grid: a heading line, then its column labels.
    let band_top = top + cell_h * g.rows.len() as i32 + 56;
    let legend_y = match &g.band {
        None => top + cell_h * g.rows.len() as i32 + 28,
        Some(_) => band_top + cell_h * g.rows.len() as i32 + 28,
    };
    let notes_y = legend_y + 24 * ((g.legend.len() as i32 + 2) / 3) + 6;
    let height = notes_y + 16 * g.notes.len() as i32 + 24;
    // Wide enough for the title (about 9 px a character at 17 px) and the subtitle and notes (about 6.5 px at 12 px).
    let text_w = (g.title.chars().count() as i32 * 9 + 24)
        .max(g.subtitle.chars().count() as i32 * 13 / 2 + 24)
        .max(
            g.notes
                .iter()
                .map(|n| n.chars().count() as i32 * 13 / 2 + 24)
                .max()
                .unwrap_or(0),
        );
    let width = width.max(770).max(text_w);
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" role="img" aria-label="{}">"#,
        esc(g.title)
    );
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = writeln!(
        s,
        r#"<text x="12" y="26" font-size="17" font-weight="bold">{}</text>"#,
        esc(g.title)
    );
    let _ = writeln!(
        s,
        r##"<text x="12" y="46" font-size="12" fill="#444444">{}</text>"##,
        esc(g.subtitle)
    );
    draw_cols(&mut s, &g.cols, left, top, cell_w);
    draw_cells(&mut s, &g.rows, &g.cells, left, top, cell_w, cell_h);
    if let Some(b) = &g.band {
        let _ = writeln!(
            s,
            r#"<text x="12" y="{}" font-size="14" font-weight="bold">{}</text>"#,
            band_top - 30,
            esc(&b.heading)
        );
        draw_cols(&mut s, &b.cols, left, band_top, cell_w);
        draw_cells(&mut s, &g.rows, &b.cells, left, band_top, cell_w, cell_h);
    }
    for (i, (fill, label)) in g.legend.iter().enumerate() {
        let x = 12 + 250 * (i as i32 % 3);
        let y = legend_y + 24 * (i as i32 / 3);
        let _ = writeln!(
            s,
            r##"<rect x="{x}" y="{}" width="16" height="16" fill="{fill}" stroke="#999999"/><text x="{}" y="{}" font-size="12">{}</text>"##,
            y - 12,
            x + 22,
            y,
            esc(label)
        );
    }
    for (i, n) in g.notes.iter().enumerate() {
        let _ = writeln!(
            s,
            r##"<text x="12" y="{}" font-size="12" fill="#333333">{}</text>"##,
            notes_y + 16 * i as i32,
            esc(n)
        );
    }
    s.push_str("</svg>\n");
    s
}

/// Column labels above a grid whose first row starts at `top`.
fn draw_cols(s: &mut String, cols: &[String], left: i32, top: i32, cell_w: i32) {
    for (ci, c) in cols.iter().enumerate() {
        let x = left + cell_w * ci as i32 + cell_w / 2;
        let _ = writeln!(
            s,
            r#"<text x="{x}" y="{}" font-size="12" text-anchor="middle" font-weight="bold">{}</text>"#,
            top - 10,
            esc(c)
        );
    }
}

fn draw_cells(
    s: &mut String,
    rows: &[String],
    cells: &[Vec<Cell>],
    left: i32,
    top: i32,
    cell_w: i32,
    cell_h: i32,
) {
    for (ri, r) in rows.iter().enumerate() {
        let y = top + cell_h * ri as i32;
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" font-size="12" text-anchor="end">{}</text>"#,
            left - 8,
            y + cell_h / 2 + 4,
            esc(r)
        );
        for (ci, cell) in cells[ri].iter().enumerate() {
            let x = left + cell_w * ci as i32;
            match cell {
                Some((fill, label, tip)) => {
                    let text_fill = if *fill == "#1a9850" || *fill == "#d73027" {
                        "#ffffff"
                    } else {
                        "#000000"
                    };
                    // Longer labels ("not assessed") get a smaller font so they stay inside the cell.
                    let size = if label.chars().count() > 10 { 8 } else { 10 };
                    let _ = writeln!(
                        s,
                        r##"<g><title>{}</title><rect x="{x}" y="{y}" width="{}" height="{}" fill="{fill}" stroke="#ffffff" stroke-width="2"/><text x="{}" y="{}" font-size="{size}" text-anchor="middle" fill="{text_fill}">{}</text></g>"##,
                        esc(tip),
                        cell_w,
                        cell_h,
                        x + cell_w / 2,
                        y + cell_h / 2 + 4,
                        esc(label)
                    );
                }
                None => {
                    let _ = writeln!(
                        s,
                        r##"<rect x="{x}" y="{y}" width="{cell_w}" height="{cell_h}" fill="#f4f4f4" stroke="#ffffff" stroke-width="2"/>"##
                    );
                }
            }
        }
    }
}

/// A heatmap of jurisdictions × articles, coloured by coverage status, with a legend.
#[must_use]
pub fn coverage_svg(reports: &[CoverageReport], instrument_title: &str) -> String {
    let Some(first) = reports.first() else {
        return render(&Grid {
            title: instrument_title,
            subtitle: "no jurisdiction",
            rows: vec![],
            cols: vec![],
            cells: vec![],
            legend: vec![],
            notes: vec![],
            band: None,
        });
    };
    let title = format!("Coverage of the {instrument_title}");
    let subtitle = format!(
        "Law in force on {}; computed by cyberlex from cited sources. Hover a cell for its provisions.",
        first.date
    );
    let cols = first
        .rows
        .iter()
        .map(|r| format!("Art. {}", r.article))
        .collect();
    let rows = reports
        .iter()
        .map(|r| {
            format!(
                "{} {}{}",
                r.jurisdiction,
                r.jurisdiction_name,
                if r.party { "" } else { " *" }
            )
        })
        .collect();
    let cells = reports
        .iter()
        .map(|rep| {
            rep.rows
                .iter()
                .map(|r| {
                    let tip = format!(
                        "{} Art. {} {}: {} — {}",
                        rep.jurisdiction,
                        r.article,
                        r.title,
                        r.status.as_str(),
                        if r.provisions.is_empty() {
                            "no provision".into()
                        } else {
                            r.provisions
                                .iter()
                                .map(|p| p.citation.clone())
                                .collect::<Vec<_>>()
                                .join("; ")
                        }
                    );
                    Some((
                        status_color(r.status),
                        r.status.as_str().replace('_', " "),
                        tip,
                    ))
                })
                .collect()
        })
        .collect();
    let mut band = (!first.procedural.is_empty()).then(|| Band {
        heading: "Procedural powers and channels".into(),
        cols: first
            .procedural
            .iter()
            .map(|r| format!("Art. {}", r.article))
            .collect(),
        cells: reports
            .iter()
            .map(|rep| {
                rep.procedural
                    .iter()
                    .map(|r| {
                        let who: Vec<String> = r
                            .powers
                            .iter()
                            .map(|p| p.citation.clone())
                            .chain(r.contact.iter().map(|c| c.body.clone()))
                            .collect();
                        let tip = format!(
                            "{} Art. {} {}: {} — {}",
                            rep.jurisdiction,
                            r.article,
                            r.title,
                            r.status.as_str(),
                            if who.is_empty() {
                                r.reasons
                                    .first()
                                    .cloned()
                                    .unwrap_or_else(|| "no power".into())
                            } else {
                                who.join("; ")
                            }
                        );
                        Some((
                            status_color(r.status),
                            r.status.as_str().replace('_', " "),
                            tip,
                        ))
                    })
                    .collect()
            })
            .collect(),
    });
    // Procedural articles only: they are the grid.
    let (cols, cells) = match band.take() {
        Some(b) if first.rows.is_empty() => (b.cols, b.cells),
        other => {
            band = other;
            (cols, cells)
        }
    };
    render(&Grid {
        title: &title,
        subtitle: &subtitle,
        rows,
        cols,
        cells,
        band,
        legend: vec![
            (status_color(CoverageStatus::Full), "full".into()),
            (
                status_color(CoverageStatus::Permitted),
                "permitted (as the treaty allows)".into(),
            ),
            (status_color(CoverageStatus::Reserved), "reserved".into()),
            (status_color(CoverageStatus::Partial), "partial".into()),
            (status_color(CoverageStatus::Absent), "absent".into()),
            (
                status_color(CoverageStatus::NotAssessed),
                "not assessed".into(),
            ),
            ("#ffffff", "* not a party on the date".into()),
        ],
        notes: vec![],
    })
}

/// A dual-criminality matrix heatmap: requesting states in rows, requested states in columns.
#[must_use]
pub fn matrix_svg(
    title: &str,
    subtitle: &str,
    codes: &[JurisdictionCode],
    cells: &[MatrixCell],
) -> String {
    let rows: Vec<String> = codes.iter().map(|c| format!("from {c}")).collect();
    let cols: Vec<String> = codes.iter().map(|c| format!("to {c}")).collect();
    let grid = codes
        .iter()
        .map(|r| {
            codes
                .iter()
                .map(|c| {
                    cells.iter().find(|x| &x.from == r && &x.to == c).map(|x| {
                        let mut tip = format!(
                            "{} → {}: {} — {}",
                            x.from,
                            x.to,
                            x.verdict.as_str(),
                            x.conclusion
                        );
                        if !x.depends_on.is_empty() {
                            tip.push_str(&format!(
                                "; settled by whether: {}",
                                x.depends_on.join("; ")
                            ));
                        }
                        let label = match x.verdict {
                            Verdict::Satisfied => "yes",
                            Verdict::NotSatisfied => "no",
                            Verdict::Depends => "depends",
                        };
                        (verdict_color(x.verdict), label.to_owned(), tip)
                    })
                })
                .collect()
        })
        .collect();
    render(&Grid {
        title,
        subtitle,
        rows,
        cols,
        cells: grid,
        band: None,
        legend: vec![
            (verdict_color(Verdict::Satisfied), "satisfied".into()),
            (verdict_color(Verdict::Depends), "depends on facts".into()),
            (verdict_color(Verdict::NotSatisfied), "not satisfied".into()),
        ],
        notes: most_common_deciding_fact(cells).into_iter().collect(),
    })
}

/// "What the open cells turn on": the deciding fact most open cells share, and in how many, so that a grid of
/// "depends" says what it depends on.
pub(crate) fn most_common_deciding_fact(cells: &[MatrixCell]) -> Option<String> {
    let open: Vec<&MatrixCell> = cells
        .iter()
        .filter(|c| c.verdict == Verdict::Depends)
        .collect();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for c in &open {
        for f in &c.depends_on {
            match counts.iter_mut().find(|(x, _)| *x == f.as_str()) {
                Some((_, n)) => *n += 1,
                None => counts.push((f.as_str(), 1)),
            }
        }
    }
    let (fact, n) = counts
        .into_iter()
        .max_by_key(|(f, n)| (*n, std::cmp::Reverse(*f)))?;
    Some(format!(
        "The fact most open cells turn on: {fact} ({n} of {} open cells); hover a cell for its own.",
        open.len()
    ))
}

/// The fill colour of a cooperation outcome.
#[must_use]
pub fn outcome_color(o: crate::query::CooperationOutcome) -> &'static str {
    use crate::query::CooperationOutcome as O;
    match o {
        O::Available => "#1a9850",
        O::Discretionary => "#91cf60",
        O::Depends => "#fee08b",
        O::Barred => "#d73027",
        O::NotAvailable => "#bdbdbd",
    }
}

/// The all-pairs cooperation view: requesting states in rows, requested states in columns; each cell coloured by
/// outcome and labelled with the governing basis (its id without the year), the legend saying what each id is.
#[must_use]
pub fn cooperation_svg(
    title: &str,
    subtitle: &str,
    codes: &[JurisdictionCode],
    cells: &[crate::query::CooperationCell],
) -> String {
    use crate::query::CooperationOutcome as O;
    let rows: Vec<String> = codes.iter().map(|c| format!("from {c}")).collect();
    let cols: Vec<String> = codes.iter().map(|c| format!("to {c}")).collect();
    let mut used: Vec<(String, String)> = Vec::new();
    let grid = codes
        .iter()
        .map(|r| {
            codes
                .iter()
                .map(|c| {
                    cells.iter().find(|x| &x.from == r && &x.to == c).map(|x| {
                        let label = x
                            .basis
                            .as_ref()
                            .map_or_else(|| "none".to_owned(), |b| basis_code(b.as_str()));
                        if let (Some(_), Some(t)) = (&x.basis, &x.basis_title)
                            && !used.iter().any(|(l, _)| l == &label)
                        {
                            used.push((label.clone(), t.clone()));
                        }
                        let tip = format!(
                            "{} → {}: {} under {}{}{} — {}",
                            x.from,
                            x.to,
                            x.outcome.as_str().replace('_', " "),
                            x.basis_title.as_deref().unwrap_or("no basis"),
                            x.dual_criminality
                                .map(|v| format!(
                                    "; dual criminality {}",
                                    v.as_str().replace('_', " ")
                                ))
                                .unwrap_or_default(),
                            x.nationality_bar
                                .map(|b| format!("; nationality bar: {}", b.as_str()))
                                .unwrap_or_default(),
                            x.note
                        );
                        (outcome_color(x.outcome), label, tip)
                    })
                })
                .collect()
        })
        .collect();
    used.sort();
    let mut notes = vec!["Cell label: the governing basis —".to_owned()];
    notes.extend(used.into_iter().map(|(l, t)| format!("  {l}: {t}")));
    render(&Grid {
        title,
        subtitle,
        rows,
        cols,
        cells: grid,
        band: None,
        legend: vec![
            (outcome_color(O::Available), "available".into()),
            (outcome_color(O::Discretionary), "discretionary".into()),
            (
                outcome_color(O::Depends),
                "depends (facts, conditions)".into(),
            ),
            (outcome_color(O::Barred), "barred".into()),
            (
                outcome_color(O::NotAvailable),
                "no basis in the data".into(),
            ),
        ],
        notes,
    })
}

/// A basis id as a cell label: without a trailing year (`us-de-1978` → `us-de`), at most 10 characters.
fn basis_code(id: &str) -> String {
    let trimmed = match id.rsplit_once('-') {
        Some((head, year)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => id,
    };
    if trimmed.len() <= 10 {
        return trimmed.to_owned();
    }
    let mut out = String::new();
    for seg in trimmed.split('-') {
        if !out.is_empty() && out.len() + 1 + seg.len() > 10 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(seg);
    }
    out.chars().take(10).collect()
}
