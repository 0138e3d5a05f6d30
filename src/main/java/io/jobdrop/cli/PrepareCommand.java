package io.jobdrop.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code jobdrop prepare} belongs to the ./jobdrop launcher (it builds the jar and records the start-up archive
 * before any JVM runs); it is listed here so that {@code jobdrop --help} shows every command.
 */
@Command(name = "prepare", mixinStandardHelpOptions = true, versionProvider = Jobdrop.Version.class,
        description = {"Build jobdrop and record its start-up archive (target/jobdrop.jsa), without starting anything.",
                "Done by the ./jobdrop launcher; the first `run` after a build does it too."})
final class PrepareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("jobdrop prepare: run it through the ./jobdrop launcher, which builds the"
                + " jar and records the start-up archive; the jar alone has nothing to prepare");
        return Failures.RUNTIME;
    }
}
