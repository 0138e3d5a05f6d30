package io.jobdrop.cli;

import io.jobdrop.app.Settings;
import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.ingest.JobDefaults;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.ingest.ReadLimits;
import io.jobdrop.ingest.Stamper;
import io.jobdrop.ingest.TemplateVars;
import io.jobdrop.ingest.VerdictReport;
import io.jobdrop.spec.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
        ReadLimits limits;
        try {
            limits = ReadLimits.from(settings::longValue);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        JobFileReader reader = new JobFileReader(templating, templateVars, new Stamper(Clock.systemUTC(), UUID::randomUUID),
                JobDefaults.BACALHAU, limits);
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

    /**
     * Looks before reading: a FIFO, device or directory is never opened (opening a FIFO blocks until a writer comes),
     * and a file over the size limit is not read. Reading stops one byte past the limit in case the file grows.
     */
    private static FileVerdict verdictOf(JobFileReader reader, Path file) {
        byte[] content;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long limit = reader.limits().fileBytes();
            if (!attributes.isRegularFile()) {
                return FileVerdict.rejected(file.toString(), List.of(Problem.unplaced("cannot read " + file + ": not a regular file ("
                        + (attributes.isDirectory() ? "a directory" : "a FIFO, socket or device") + ")")), List.of());
            }
            if (attributes.size() > limit) {
                return FileVerdict.rejected(file.toString(), List.of(Problem.unplaced(JobFileReader.tooLarge(attributes.size(), limit))),
                        List.of());
            }
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            }
        } catch (NoSuchFileException e) {
            return FileVerdict.rejected(file.toString(), List.of(Problem.unplaced("cannot read " + file + ": no such file")), List.of());
        } catch (IOException e) {
            return FileVerdict.rejected(file.toString(), List.of(Problem.unplaced("cannot read " + file + ": " + e)), List.of());
        }
        return reader.read(file.toString(), content);
    }

}
