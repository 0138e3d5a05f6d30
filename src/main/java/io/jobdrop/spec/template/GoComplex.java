package io.jobdrop.spec.template;

/** A Go complex128 value, which a literal such as 1+2i produces. */
record GoComplex(double real, double imag) {
}
