//! tract's own `Fft` operator, run through a typed model, computes the right transform with
//! finadvice's stand-in for rustfft (crates/rustfft-dft, patched in by the root Cargo.toml).
//! Guards the substitution: if the patch stopped applying or the API drifted, this would not build
//! or would give other numbers.

use tract_onnx::prelude::*;
use tract_onnx::tract_core::ops::fft::Fft;

/// Runs tract's Fft over `points` (re, im pairs) along axis 0 and returns the output pairs.
fn tract_fft(points: &[(f32, f32)], inverse: bool) -> Vec<(f32, f32)> {
    let flat: Vec<f32> = points.iter().flat_map(|&(re, im)| [re, im]).collect();
    let input = tract_ndarray::Array2::from_shape_vec((points.len(), 2), flat).unwrap().into_tensor();
    let mut model = TypedModel::default();
    let source = model.add_source("signal", f32::fact([points.len(), 2])).unwrap();
    let output = model.wire_node("fft", Fft { axis: 0, inverse }, &[source]).unwrap();
    model.select_output_outlets(&output).unwrap();
    let result = model.into_runnable().unwrap().run(tvec!(input.into_tvalue())).unwrap();
    let values: Vec<f32> = result[0].to_plain_array_view::<f32>().unwrap().iter().copied().collect();
    values.chunks(2).map(|pair| (pair[0], pair[1])).collect()
}

fn assert_close(actual: &[(f32, f32)], expected: &[(f32, f32)]) {
    assert_eq!(actual.len(), expected.len());
    for (a, e) in actual.iter().zip(expected) {
        assert!((a.0 - e.0).abs() < 1e-4 && (a.1 - e.1).abs() < 1e-4, "{actual:?} != {expected:?}");
    }
}

#[test]
fn tract_fft_of_1_2_3_4_matches_the_textbook_values() {
    let out = tract_fft(&[(1.0, 0.0), (2.0, 0.0), (3.0, 0.0), (4.0, 0.0)], false);
    assert_close(&out, &[(10.0, 0.0), (-2.0, 2.0), (-2.0, 0.0), (-2.0, -2.0)]);
}

#[test]
fn tract_inverse_fft_is_not_normalized() {
    let spectrum = [(10.0, 0.0), (-2.0, 2.0), (-2.0, 0.0), (-2.0, -2.0)];
    let out = tract_fft(&spectrum, true);
    assert_close(&out, &[(4.0, 0.0), (8.0, 0.0), (12.0, 0.0), (16.0, 0.0)]);
}
