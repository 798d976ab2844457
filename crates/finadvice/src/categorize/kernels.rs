//! Native builds run tract's portable kernels, the ones the wasm module has, so that the
//! categorizer gives the same probabilities bit for bit natively (the CLI, the Rust API) and in
//! Node or a browser. tract's x86-64 kernels use AVX and fused multiply-add, which round
//! differently in the last bit; a confidence written with 4 decimals then sometimes differs
//! (0.97615 became 0.9762 natively and 0.9761 in wasm). The categorizer's matrices are small:
//! natively the portable kernels cost well under a millisecond per batch.
//!
//! On other architectures (aarch64's baseline kernels are NEON) the native numbers may still
//! differ from wasm's in the last bit.

/// tract's name of every x86-64 instruction-set extension it has kernels for.
#[cfg(target_arch = "x86_64")]
const X86_64_EXTENSIONS: &[&str] =
    &["avx", "avx2", "fma", "f16c", "avx512f", "avx512vnni", "avx512fp16", "avxvnni", "amx-int8", "amx-bf16"];

/// Tells tract (once, before it first probes the machine) to leave out its SIMD kernels.
pub fn use_portable_kernels() {
    #[cfg(target_arch = "x86_64")]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            let without: Vec<String> = X86_64_EXTENSIONS.iter().map(|name| format!("-{name}")).collect();
            tract_hir::tract_core::tract_linalg::knobs::TRACT_CPU_ISA.set(Some(without.join(",")));
        });
    }
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::*;
    use tract_hir::tract_core::tract_linalg::isa;

    #[test]
    fn tract_sees_no_simd_extension() {
        use_portable_kernels();
        let features: Vec<&str> = isa::native().iter().map(|i| i.name()).collect();
        assert!(X86_64_EXTENSIONS.iter().all(|e| !features.contains(e)), "{features:?}");
    }
}
