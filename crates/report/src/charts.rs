//! The report's charts, drawn with plotters' SVG backend into strings that
//! `report.html` holds inline: horizontal bars (one row per label, stacked
//! segments by series) and a timeline (one line per series over years).
//! Text in the SVG is escaped by plotters; fonts are left to the browser.

use crate::ReportError;
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const WIDTH: u32 = 760;
const FONT: &str = "sans-serif";

/// Okabe–Ito colours: distinguishable with colour blindness.
const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(120, 120, 120),
    RGBColor(0, 0, 0),
];

fn colour(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// One bar: its label, its segments `(series, value)` stacked left to
/// right, and the text written after it.
pub struct BarRow {
    /// Left of the bar.
    pub label: String,
    /// `(series index, value)`, stacked.
    pub segments: Vec<(usize, f64)>,
    /// After the bar (the value for a reader).
    pub note: String,
}

fn error(chart: &str) -> impl Fn(&dyn std::fmt::Display) -> ReportError + '_ {
    move |e| ReportError::Chart {
        chart: chart.to_string(),
        message: e.to_string(),
    }
}

/// Width of a label column for `labels`, in pixels (CJK is about 13 px a char).
fn label_width(labels: impl Iterator<Item = usize>) -> u32 {
    let chars = labels.max().unwrap_or(4) as u32;
    (chars * 13 + 16).clamp(60, 300)
}

/// Horizontal bars, first row on top, with a legend of `series`.
pub fn bars(
    title: &str,
    x_desc: &str,
    rows: &[BarRow],
    series: &[String],
) -> Result<String, ReportError> {
    let err = error(title);
    let n = rows.len() as i32;
    let height = 90 + 26 * rows.len().max(1) as u32;
    let xmax = rows
        .iter()
        .map(|r| r.segments.iter().map(|s| s.1).sum::<f64>())
        .fold(0.0_f64, f64::max);
    let xmax = if xmax > 0.0 { xmax * 1.3 } else { 1.0 };
    let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
    let label_area = label_width(labels.iter().map(|l| l.chars().count()));
    // Row k is drawn at segment n-1-k so that the first row is on top.
    let at = |k: usize| n - 1 - k as i32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FONT, 18))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(label_area)
            .build_cartesian_2d(0f64..xmax, (0..n.max(1)).into_segmented())
            .map_err(|e| err(&e))?;
        let y_label = |v: &SegmentValue<i32>| match v {
            SegmentValue::CenterOf(i) => {
                let k = n - 1 - *i;
                usize::try_from(k)
                    .ok()
                    .and_then(|k| labels.get(k))
                    .map(|l| l.to_string())
                    .unwrap_or_default()
            }
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE.mix(0.0))
            .y_labels(rows.len().max(1))
            .y_label_formatter(&y_label)
            .x_desc(x_desc)
            .label_style((FONT, 13))
            .axis_desc_style((FONT, 13))
            .draw()
            .map_err(|e| err(&e))?;
        for (si, name) in series.iter().enumerate() {
            let c = colour(si);
            let mut rects = Vec::new();
            for (k, row) in rows.iter().enumerate() {
                let mut x0 = 0.0;
                for &(s, v) in &row.segments {
                    if s == si && v > 0.0 {
                        let mut r = Rectangle::new(
                            [
                                (x0, SegmentValue::Exact(at(k))),
                                (x0 + v, SegmentValue::Exact(at(k) + 1)),
                            ],
                            c.filled(),
                        );
                        r.set_margin(4, 4, 0, 0);
                        rects.push(r);
                    }
                    x0 += v;
                }
            }
            chart
                .draw_series(rects)
                .map_err(|e| err(&e))?
                .label(name.as_str())
                .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], c.filled()));
        }
        let note_style =
            TextStyle::from((FONT, 12).into_font()).pos(Pos::new(HPos::Left, VPos::Center));
        chart
            .draw_series(rows.iter().enumerate().map(|(k, row)| {
                let end: f64 = row.segments.iter().map(|s| s.1).sum();
                Text::new(
                    format!(" {}", row.note),
                    (end, SegmentValue::CenterOf(at(k))),
                    note_style.clone(),
                )
            }))
            .map_err(|e| err(&e))?;
        if series.len() > 1 {
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::LowerRight)
                .background_style(WHITE.mix(0.9))
                .border_style(BLACK.mix(0.4))
                .label_font((FONT, 13))
                .draw()
                .map_err(|e| err(&e))?;
        }
        root.present().map_err(|e| err(&e))?;
    }
    Ok(svg)
}

/// One line per series over years; `points` are `(year, value)`.
pub fn timeline(
    title: &str,
    y_desc: &str,
    series: &[(String, Vec<(i32, f64)>)],
) -> Result<String, ReportError> {
    let err = error(title);
    let years = series.iter().flat_map(|s| s.1.iter().map(|p| p.0));
    let (lo, hi) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    let (lo, hi) = if lo > hi {
        (2000, 2001)
    } else {
        (lo - 1, hi + 1)
    };
    let ymax = series
        .iter()
        .flat_map(|s| s.1.iter().map(|p| p.1))
        .fold(0.0_f64, f64::max);
    let ymax = if ymax > 0.0 { ymax * 1.2 } else { 1.0 };
    let height = 380 + 20 * series.len() as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FONT, 18))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(64)
            .build_cartesian_2d(lo..hi, 0f64..ymax)
            .map_err(|e| err(&e))?;
        chart
            .configure_mesh()
            .light_line_style(WHITE.mix(0.0))
            .x_labels(((hi - lo) as usize + 1).min(20))
            .x_label_formatter(&|y| y.to_string())
            .y_desc(y_desc)
            .label_style((FONT, 13))
            .axis_desc_style((FONT, 13))
            .draw()
            .map_err(|e| err(&e))?;
        for (si, (name, points)) in series.iter().enumerate() {
            let c = colour(si);
            chart
                .draw_series(LineSeries::new(points.iter().copied(), c.stroke_width(2)))
                .map_err(|e| err(&e))?
                .label(name.as_str())
                .legend(move |(x, y)| PathElement::new([(x, y), (x + 16, y)], c.stroke_width(2)));
            chart
                .draw_series(points.iter().map(|&p| Circle::new(p, 4, c.filled())))
                .map_err(|e| err(&e))?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK.mix(0.4))
            .label_font((FONT, 13))
            .draw()
            .map_err(|e| err(&e))?;
        root.present().map_err(|e| err(&e))?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_svg_rectangles_with_escaped_labels() {
        let rows = vec![BarRow {
            label: "<b>黔东南州".into(),
            segments: vec![(0, 2.0), (1, 1.0)],
            note: "3".into(),
        }];
        let svg = bars("t", "rows", &rows, &["a".into(), "b".into()]).unwrap();
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("<rect"));
        assert!(svg.contains("&lt;b&gt;黔东南州"));
        assert!(!svg.contains("<b>"));
    }

    #[test]
    fn a_timeline_has_a_line_per_series() {
        let s = vec![(
            "杭州市 → 黔东南州".to_string(),
            vec![(2014, 1.0), (2015, 2.5)],
        )];
        let svg = timeline("t", "亿元", &s).unwrap();
        assert!(svg.contains("<polyline") || svg.contains("<path"), "{svg}");
        assert!(svg.contains("2015"));
    }
}
