package io.jobdrop.cli;

import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.ingest.JobDefaults;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.spec.Problem;
import io.jobdrop.ingest.Stamper;
import io.jobdrop.ingest.VerdictReport;
import io.jobdrop.ingest.TemplateVars;
import io.jobdrop.app.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code jobdrop validate}: the offline verdict on job files, exactly as the pipeline would give it. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Jobdrop.Version.class,
        description = "Check job files offline, as a Bacalhau orchestrator would.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is accepted", "1:a file is rejected or unreadable", "2:usage error"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per file per line.")
    boolean json;

    @Option(names = "--var", paramLabel = "k=v", description = "Template variable (repeatable; \"a=1,b=2\" sets two).")
    List<String> vars = List.of();

    @Option(names = "--no-template", description = "Do not render files as Go templates.")
    boolean noTemplate;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() {
        Settings settings = Settings.resolve(List.of());
        Map<String, String> templateVars = new LinkedHashMap<>(settings.templateVars());
        try {
            templateVars.putAll(TemplateVars.parse(vars));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--var " + e.getMessage());
        }
        boolean templating = !noTemplate && settings.bool("jobdrop.template.enabled");
        JobFileReader reader = new JobFileReader(templating, templateVars, new Stamper(Clock.systemUTC(), UUID::randomUUID),
                JobDefaults.BACALHAU);
        PrintWriter out = spec.commandLine().getOut();
        boolean allAccepted = true;
        for (Path file : files) {
            FileVerdict verdict = verdictOf(reader, file);
            allAccepted &= verdict.accepted();
            out.println(json ? VerdictReport.json(verdict) : VerdictReport.text(verdict));
        }
        out.flush();
        return allAccepted ? 0 : 1;
    }

    private static FileVerdict verdictOf(JobFileReader reader, Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return FileVerdict.rejected(file.toString(), List.of(Problem.unplaced("cannot read " + file + ": no such file")), List.of());
        } catch (IOException e) {
            return FileVerdict.rejected(file.toString(), List.of(Problem.unplaced("cannot read " + file + ": " + e)), List.of());
        }
        return reader.read(file.toString(), content);
    }

}
