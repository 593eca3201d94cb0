//! SVG plots: stmpy/python3 time ratio per program, and speedup vs threads.

use std::error::Error;
use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::report::{speedup, thread_counts, threaded_names};
use crate::{Entry, Interp, Verdict};

type Res = Result<(), Box<dyn Error>>;

pub fn ratio_chart(path: &Path, entries: &[Entry]) -> Result<(), String> {
    draw_ratio(path, entries).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn speedup_chart(path: &Path, entries: &[Entry]) -> Result<(), String> {
    draw_speedup(path, entries).map_err(|e| format!("{}: {e}", path.display()))
}

/// Horizontal bars on a log axis, one per single-threaded program (and each threaded one at
/// T=1), drawn from 1x (parity with python3) to the ratio, so faster and slower read as left
/// and right of the 1x line; a red line marks 2x (the first milestone). Programs that failed
/// or printed a wrong answer get a red label instead of a bar. First program at the top.
fn draw_ratio(path: &Path, entries: &[Entry]) -> Res {
    let rows: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.threads.is_none() || e.threads == Some(1))
        .collect();
    let n = rows.len().max(1);
    // The x axis is log2(ratio), linear, so ticks land on 0.25x, 0.5x, 1x, 2x, 4x...
    // (plotters' own log scale labels nothing below 1).
    let ratios = rows.iter().filter_map(|e| e.ratio());
    let hi = (ratios.clone().fold(4.0f64, f64::max) * 1.3).log2().ceil();
    let lo = ratios.fold(0.25f64, f64::min).log2().floor();
    let row = |i: usize| n - 1 - i;
    let height = (120 + 28 * n as u32).max(300);
    let root = SVGBackend::new(path, (900, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            "stmpy time / python3 time (log scale; left of 1x is faster)",
            ("sans-serif", 20),
        )
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(210)
        .build_cartesian_2d(lo..hi, (0..n).into_segmented())?;
    let names: Vec<String> = rows
        .iter()
        .map(|e| match e.threads {
            Some(t) => format!("{} (T={t})", e.name),
            None => e.name.clone(),
        })
        .collect();
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(n)
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) if *i < n => names.get(row(*i)).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .x_labels((hi - lo) as usize + 1)
        .x_label_formatter(&|x| format!("{}x", trim_float(x.exp2())))
        .x_desc("ratio")
        .label_style(("sans-serif", 14))
        .draw()?;

    let bar = |i: usize, r: f64| {
        let color = if r <= 1.0 {
            RGBColor(46, 139, 87)
        } else if r <= 2.0 {
            RGBColor(70, 110, 190)
        } else {
            RGBColor(220, 120, 40)
        };
        let (a, b) = (SegmentValue::Exact(row(i)), SegmentValue::Exact(row(i) + 1));
        Rectangle::new([(0.0, a), (r.log2(), b)], color.filled())
    };
    chart.draw_series(
        rows.iter()
            .enumerate()
            .filter_map(|(i, e)| Some(bar(i, e.ratio()?))),
    )?;
    let label_font = ("sans-serif", 14).into_font();
    chart.draw_series(rows.iter().enumerate().map(|(i, e)| {
        let (text, x, color) = match (&e.verdict, e.ratio()) {
            (Verdict::Ok, Some(r)) => (format!("{r:.2}x"), r.log2().max(0.0), BLACK),
            (Verdict::Ok, None) => ("no time".to_string(), 0.0, RED),
            (Verdict::Wrong(_), _) => ("WRONG output".to_string(), 0.0, RED),
            (Verdict::Failed(_), _) => ("FAILED under stmpy".to_string(), 0.0, RED),
            (Verdict::PythonFailed(_), _) => ("python3 failed".to_string(), 0.0, RED),
        };
        Text::new(
            format!(" {text}"),
            (x, SegmentValue::CenterOf(row(i))),
            label_font
                .clone()
                .color(&color)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        )
    }))?;
    for (x, color) in [(0.0, BLACK), (1.0, RGBColor(200, 0, 0))] {
        chart.draw_series(LineSeries::new(
            [(x, SegmentValue::Exact(0)), (x, SegmentValue::Exact(n))],
            color.stroke_width(1),
        ))?;
    }
    root.present()?;
    Ok(())
}

/// Two panels (python3, stmpy): speedup vs 1 thread against thread count, one line per
/// threaded program, with the ideal (linear) speedup for reference.
fn draw_speedup(path: &Path, entries: &[Entry]) -> Res {
    let names = threaded_names(entries);
    let counts = thread_counts(entries);
    let max_t = counts.iter().copied().max().unwrap_or(1).max(2) as f64;
    let max_y = names
        .iter()
        .flat_map(|n| {
            counts.iter().flat_map(move |&t| {
                [
                    speedup(entries, n, t, Interp::Python),
                    speedup(entries, n, t, Interp::Stmpy),
                ]
            })
        })
        .flatten()
        .fold(max_t, f64::max)
        * 1.1;

    let root = SVGBackend::new(path, (1100, 480)).into_drawing_area();
    root.fill(&WHITE)?;
    let panels = root.split_evenly((1, 2));
    for (panel, (title, which)) in panels
        .iter()
        .zip([("python3", Interp::Python), ("stmpy", Interp::Stmpy)])
    {
        let mut chart = ChartBuilder::on(panel)
            .caption(format!("{title}: speedup vs 1 thread"), ("sans-serif", 20))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(0.8f64..max_t + 0.2, 0f64..max_y)?;
        chart
            .configure_mesh()
            .x_labels(counts.len().max(2))
            .x_label_formatter(&|x| format!("{x:.0}"))
            .x_desc("threads")
            .y_desc("speedup")
            .label_style(("sans-serif", 14))
            .draw()?;
        chart
            .draw_series(LineSeries::new(
                [(1.0, 1.0), (max_t, max_t)],
                RGBColor(170, 170, 170),
            ))?
            .label("ideal")
            .legend(|(x, y)| PathElement::new([(x, y), (x + 18, y)], RGBColor(170, 170, 170)));
        for (i, name) in names.iter().enumerate() {
            let color = Palette99::pick(i).to_rgba();
            let points: Vec<(f64, f64)> = counts
                .iter()
                .filter_map(|&t| Some((t as f64, speedup(entries, name, t, which)?)))
                .collect();
            chart
                .draw_series(LineSeries::new(points.clone(), color.stroke_width(2)))?
                .label(name.as_str())
                .legend(move |(x, y)| {
                    PathElement::new([(x, y), (x + 18, y)], color.stroke_width(2))
                });
            chart.draw_series(points.iter().map(|&p| Circle::new(p, 4, color.filled())))?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .draw()?;
    }
    root.present()?;
    Ok(())
}

/// `0.5`, `2`, `1.25`: tick labels without float noise or trailing zeros.
fn trim_float(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
