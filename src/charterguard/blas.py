"""Matrix products for spaCy's CPU models through numpy's OpenBLAS instead of BLIS.

thinc's `NumpyOps` multiplies matrices with BLIS; on this project's machines
(x86-64, AVX2) the BLIS build in the `blis` wheel runs 3-4x slower than the
OpenBLAS that numpy ships (measured: 8-10 µs vs 2.0-2.7 µs per row of a
288x288 product, one thread). `OpenBlasOps` keeps everything of NumpyOps but
`gemm`, the way thinc-apple-ops routes it to Accelerate on macOS. Results are
the same to float32 rounding.

OpenBLAS is limited to one thread in the process (`limit_blas_threads`): these
models multiply small matrices (one post is ~70 rows), where a second thread
costs more than it gives, and a server or a batch already keeps every core busy
with its own workers (measured on a busy 2-core machine: NER 11.7 ms per post
with two OpenBLAS threads, 1.8 ms with one).
"""

from __future__ import annotations

import numpy
from thinc.api import NumpyOps


def limit_blas_threads() -> None:
    """Make numpy's BLAS run on one thread in this process (see the module docstring)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


class OpenBlasOps(NumpyOps):
    """thinc's NumpyOps with `gemm` through numpy (OpenBLAS)."""

    name = "charterguard-openblas"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):  # type: ignore[override]
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out
