//! Axis checks around the tract-hir operators that take axes (Gather, Softmax, Reduce*, Squeeze,
//! Unsqueeze). tract-hir resolves an axis against the input's rank and then indexes with it, so an
//! axis outside that rank **panics** while the graph is typed (smallvec `insert`/`remove` out of
//! bounds, an `unwrap`), which in wasm kills the module (found by `cargo fuzz`, FUZZING.md).
//! [`super::onnx_check`] bounds axes to `-MAX_RANK..MAX_RANK` but cannot know ranks; this wrapper
//! refuses, with an error, axes that do not fit the first input's rank once it is known.

use tract_hir::internal::*;

/// An operator whose `axes` refer to its first input (plus `added` new axes for Unsqueeze).
#[derive(Debug, Clone)]
struct CheckedAxes<E> {
    inner: E,
    axes: Vec<isize>,
    added: usize,
}

/// Wraps `inner` so that typing the graph fails unless `axes`, resolved against the rank of the
/// first input plus `added`, lie inside that rank, are distinct and ascending (as exporters write
/// them; tract-hir's Squeeze removes axes one at a time, last first, so a descending list would
/// index past the end).
pub fn checked_axes<E: Expansion + Clone>(inner: E, axes: Vec<isize>, added: usize) -> Box<dyn InferenceOp> {
    expand(CheckedAxes { inner, axes, added })
}

impl<E: Expansion> CheckedAxes<E> {
    fn check(&self, input_rank: usize) -> TractResult<()> {
        let rank = (input_rank + self.added) as isize;
        let mut previous = -1;
        for &axis in &self.axes {
            let resolved = if axis < 0 { axis + rank } else { axis };
            if !(0..rank).contains(&resolved) {
                bail!("{}: axis {axis} does not exist in a tensor of rank {rank}", self.inner.name());
            }
            if resolved <= previous {
                bail!("{}: axes {:?} must be distinct and in ascending order", self.inner.name(), self.axes);
            }
            previous = resolved;
        }
        Ok(())
    }
}

impl<E: Expansion + Clone> Expansion for CheckedAxes<E> {
    fn name(&self) -> StaticName {
        self.inner.name()
    }

    fn info(&self) -> TractResult<Vec<String>> {
        self.inner.info()
    }

    fn nboutputs(&self) -> TractResult<usize> {
        self.inner.nboutputs()
    }

    fn wire(&self, prefix: &str, model: &mut TypedModel, inputs: &[OutletId]) -> TractResult<TVec<OutletId>> {
        let first = inputs.first().ok_or_else(|| format_err!("{} has no input", self.inner.name()))?;
        self.check(model.outlet_fact(*first)?.rank())?;
        self.inner.wire(prefix, model, inputs)
    }

    fn wire_with_inference_model_and_node(
        &self,
        prefix: &str,
        model: &InferenceModel,
        node: &InferenceNode,
        typed_model: &mut TypedModel,
        inputs: &[OutletId],
    ) -> TractResult<TVec<OutletId>> {
        let first = inputs.first().ok_or_else(|| format_err!("{} has no input", self.inner.name()))?;
        self.check(typed_model.outlet_fact(*first)?.rank())?;
        self.inner.wire_with_inference_model_and_node(prefix, model, node, typed_model, inputs)
    }

    fn rules<'r, 'p: 'r, 's: 'r>(
        &'s self,
        s: &mut Solver<'r>,
        inputs: &'p [TensorProxy],
        outputs: &'p [TensorProxy],
    ) -> InferenceResult {
        let Some(first) = inputs.first() else { bail!("{} has no input", self.inner.name()) };
        // Registered before the inner rules, so it runs as soon as the rank is known: no later
        // than the inner rules that need the whole shape and would index with a bad axis.
        s.given(&first.rank, move |_, rank| {
            self.check(usize::try_from(rank).map_err(|_| format_err!("negative rank"))?)
        })?;
        self.inner.rules(s, inputs, outputs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tract_hir::ops::array::AddDims;

    fn check(axes: &[isize], added: usize, rank: usize) -> bool {
        CheckedAxes { inner: AddDims::new(vec![]), axes: axes.to_vec(), added }.check(rank).is_ok()
    }

    #[test]
    fn axes_must_fit_the_rank() {
        assert!(check(&[0, 1], 0, 2));
        assert!(check(&[-1], 0, 2));
        assert!(!check(&[2], 0, 2));
        assert!(!check(&[-3], 0, 2));
        // Unsqueeze: the output has `added` more axes.
        assert!(check(&[1, 2], 2, 1));
        assert!(!check(&[3], 1, 2));
        assert!(check(&[], 0, 0));
    }

    #[test]
    fn axes_must_be_distinct_and_ascending() {
        assert!(!check(&[1, 1], 0, 3));
        assert!(!check(&[1, -2], 0, 3));
        assert!(!check(&[1, 0], 0, 3));
        assert!(check(&[0, -1], 0, 3));
    }
}
