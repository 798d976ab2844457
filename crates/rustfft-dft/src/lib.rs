//! A direct discrete Fourier transform behind the part of rustfft 6's API that tract-core uses.
//!
//! finadvice substitutes this crate for rustfft (see `README.md`) so the wasm module does not
//! carry rustfft's planner and SIMD butterflies for operators its models never run. Results follow
//! rustfft's conventions: the forward transform uses e^(−2πi·jk/n) and the inverse is not
//! normalized (a forward then inverse transform multiplies by n).

use std::fmt::Debug;
use std::marker::PhantomData;
use std::sync::Arc;

pub use num_complex;
pub use num_traits;

use num_complex::Complex;
use num_traits::{FromPrimitive, Signed, Zero};

/// The numbers a transform can work on (rustfft's bound: f32, f64 and similar types).
pub trait FftNum: Copy + FromPrimitive + Signed + Sync + Send + Debug + 'static {}

impl<T> FftNum for T where T: Copy + FromPrimitive + Signed + Sync + Send + Debug + 'static {}

/// Whether a transform goes from the time domain to frequencies (forward) or back (inverse).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum FftDirection {
    /// e^(−2πi·jk/n) kernel.
    Forward,
    /// e^(+2πi·jk/n) kernel, not normalized.
    Inverse,
}

/// The length of the transform an algorithm computes.
pub trait Length {
    /// Number of complex points in one transform.
    fn len(&self) -> usize;

    /// True for a zero-length transform (which leaves buffers unchanged).
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The direction of the transform an algorithm computes.
pub trait Direction {
    /// Forward or inverse.
    fn fft_direction(&self) -> FftDirection;
}

/// An algorithm that transforms buffers of complex numbers in place.
pub trait Fft<T: FftNum>: Length + Direction + Sync + Send {
    /// Transforms `buffer` in place, one transform per consecutive chunk of `len()` points.
    /// A trailing partial chunk is left unchanged (rustfft would panic; a panic in wasm kills
    /// the module, so this never panics).
    fn process(&self, buffer: &mut [Complex<T>]);
}

/// Makes transforms of any length (the direct DFT needs no planning beyond its twiddle table).
pub struct FftPlanner<T: FftNum> {
    number_type: PhantomData<T>,
}

impl<T: FftNum> Default for FftPlanner<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: FftNum> FftPlanner<T> {
    /// A planner; it keeps no state.
    pub fn new() -> Self {
        FftPlanner { number_type: PhantomData }
    }

    /// A transform of `len` points in `direction`.
    pub fn plan_fft(&mut self, len: usize, direction: FftDirection) -> Arc<dyn Fft<T>> {
        Arc::new(DirectDft::new(len, direction))
    }

    /// A forward transform of `len` points.
    pub fn plan_fft_forward(&mut self, len: usize) -> Arc<dyn Fft<T>> {
        self.plan_fft(len, FftDirection::Forward)
    }

    /// An inverse (not normalized) transform of `len` points.
    pub fn plan_fft_inverse(&mut self, len: usize) -> Arc<dyn Fft<T>> {
        self.plan_fft(len, FftDirection::Inverse)
    }
}

/// The direct O(n²) transform: output[j] = Σₖ input[k] · twiddles[(j·k) mod n].
struct DirectDft<T> {
    direction: FftDirection,
    /// e^(∓2πi·m/n) for m in 0..n, computed in f64 and converted once.
    twiddles: Vec<Complex<T>>,
}

impl<T: FftNum> DirectDft<T> {
    fn new(len: usize, direction: FftDirection) -> Self {
        let sign = match direction {
            FftDirection::Forward => -1.0,
            FftDirection::Inverse => 1.0,
        };
        let twiddles = (0..len)
            .map(|m| {
                let angle = sign * 2.0 * std::f64::consts::PI * (m as f64) / (len as f64);
                Complex::new(from_f64::<T>(angle.cos()), from_f64::<T>(angle.sin()))
            })
            .collect();
        DirectDft { direction, twiddles }
    }
}

/// Converts a twiddle factor; every FftNum represents values in [-1, 1] (zero otherwise).
fn from_f64<T: FftNum>(value: f64) -> T {
    T::from_f64(value).unwrap_or_else(T::zero)
}

impl<T: FftNum> Length for DirectDft<T> {
    fn len(&self) -> usize {
        self.twiddles.len()
    }
}

impl<T: FftNum> Direction for DirectDft<T> {
    fn fft_direction(&self) -> FftDirection {
        self.direction
    }
}

impl<T: FftNum> Fft<T> for DirectDft<T> {
    fn process(&self, buffer: &mut [Complex<T>]) {
        let n = self.twiddles.len();
        if n == 0 {
            return;
        }
        let mut input = Vec::with_capacity(n);
        for chunk in buffer.chunks_exact_mut(n) {
            input.clear();
            input.extend_from_slice(chunk);
            for (j, out) in chunk.iter_mut().enumerate() {
                let mut sum = Complex::<T>::zero();
                for (k, x) in input.iter().enumerate() {
                    sum = sum + *x * self.twiddles[(j * k) % n];
                }
                *out = sum;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transform(values: &[(f64, f64)], direction: FftDirection) -> Vec<(f64, f64)> {
        let mut buffer: Vec<Complex<f64>> =
            values.iter().map(|&(re, im)| Complex::new(re, im)).collect();
        FftPlanner::new().plan_fft(values.len(), direction).process(&mut buffer);
        buffer.iter().map(|c| (c.re, c.im)).collect()
    }

    fn assert_close(actual: &[(f64, f64)], expected: &[(f64, f64)]) {
        assert_eq!(actual.len(), expected.len());
        for (a, e) in actual.iter().zip(expected) {
            assert!((a.0 - e.0).abs() < 1e-9 && (a.1 - e.1).abs() < 1e-9, "{actual:?} != {expected:?}");
        }
    }

    #[test]
    fn forward_transform_of_1_2_3_4_matches_the_textbook_values() {
        // DFT of [1, 2, 3, 4]: [10, −2+2i, −2, −2−2i].
        let out = transform(&[(1.0, 0.0), (2.0, 0.0), (3.0, 0.0), (4.0, 0.0)], FftDirection::Forward);
        assert_close(&out, &[(10.0, 0.0), (-2.0, 2.0), (-2.0, 0.0), (-2.0, -2.0)]);
    }

    #[test]
    fn an_impulse_has_a_flat_spectrum_and_a_constant_a_single_bin() {
        let out = transform(&[(1.0, 0.0), (0.0, 0.0), (0.0, 0.0)], FftDirection::Forward);
        assert_close(&out, &[(1.0, 0.0), (1.0, 0.0), (1.0, 0.0)]);
        let out = transform(&[(2.0, 0.0); 5], FftDirection::Forward);
        assert_close(&out, &[(10.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0)]);
    }

    #[test]
    fn inverse_of_forward_is_n_times_the_input_like_rustfft() {
        let input = [(0.5, -1.0), (3.0, 2.0), (-4.0, 0.25), (1.0, 1.0), (0.0, -2.0), (7.0, 0.0), (2.0, 2.0)];
        let forward = transform(&input, FftDirection::Forward);
        let back = transform(&forward, FftDirection::Inverse);
        let scaled: Vec<(f64, f64)> = input.iter().map(|&(re, im)| (re * 7.0, im * 7.0)).collect();
        assert_close(&back, &scaled);
    }

    #[test]
    fn a_buffer_of_several_chunks_is_transformed_chunk_by_chunk_and_a_partial_tail_is_kept() {
        let mut buffer: Vec<Complex<f32>> =
            [1.0f32, 0.0, 1.0, 1.0, 9.0].iter().map(|&re| Complex::new(re, 0.0)).collect();
        let fft = FftPlanner::<f32>::new().plan_fft_forward(2);
        assert_eq!((fft.len(), fft.fft_direction()), (2, FftDirection::Forward));
        fft.process(&mut buffer);
        let re: Vec<f32> = buffer.iter().map(|c| c.re).collect();
        assert_eq!(re, vec![1.0, 1.0, 2.0, 0.0, 9.0]);
    }

    #[test]
    fn a_zero_length_transform_leaves_the_buffer_alone() {
        let mut buffer = vec![Complex::new(1.0f64, 2.0)];
        FftPlanner::new().plan_fft_inverse(0).process(&mut buffer);
        assert_eq!(buffer, vec![Complex::new(1.0, 2.0)]);
    }
}
