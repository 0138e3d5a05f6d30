package io.jobdrop.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test drives a real browser ({@link Browser}): skipped, with one line naming what is missing, when Chromium or
 * chromedriver is not installed (./test installs both), and failing instead when the environment says
 * {@code CI=true}, so CI cannot pass the dashboard's tests by not running them.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(ChromiumCondition.class)
public @interface NeedsChromium {
}
