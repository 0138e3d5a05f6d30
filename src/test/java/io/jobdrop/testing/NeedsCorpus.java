package io.jobdrop.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test (class or method) reads the shared Bacalhau corpus ({@link Corpus#dir()}): it is skipped, with one line
 * naming the folder, when the corpus is not there, and fails instead when the environment says {@code CI=true}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(CorpusCondition.class)
public @interface NeedsCorpus {
}
