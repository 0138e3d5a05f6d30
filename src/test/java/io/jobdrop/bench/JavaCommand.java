package io.jobdrop.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Command lines for the JVMs the harness starts, all with the JDK the harness itself runs on. */
final class JavaCommand {

    private JavaCommand() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java <flags> -cp <classpath> <mainClass> <args>} */
    static List<String> mainClass(List<String> flags, String classpath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(flags);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** {@code java <flags> -jar <jar> <args>} */
    static List<String> jar(List<String> flags, Path jar, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(flags);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    /**
     * The classpath this JVM was started with, as a path list. Under surefire {@code java.class.path} may be a
     * manifest-only jar; surefire passes the real one as {@code surefire.test.class.path}.
     */
    static String ownClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** The classpath without test output folders: what jobdrop itself sees when run from its jar. */
    static String withoutTestClasses(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').matches(".*/test-classes/?"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
