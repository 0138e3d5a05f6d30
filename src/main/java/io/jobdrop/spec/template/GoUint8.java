package io.jobdrop.spec.template;

/** A Go byte (uint8), which indexing a string produces: {{index "abc" 0}} prints 97. */
record GoUint8(int value) {
}
