package ffnlab.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The jar's Main-Class: on a JDK older than {@link #NEEDED} it prints one line, {@link #message}, and exits with
 * status 2; on {@link #NEEDED} or newer it hands the arguments to {@link Main} unchanged (its streams and exit
 * status are Main's own). It is compiled for Java 8 (a compiler execution of its own in pom.xml) and names
 * {@link Main} only as a string, so any JVM from 8 on loads it and none loads a Java 25 class before the check.
 * bin/ffnlab and the Maven enforcer rule print the same line.
 */
public final class JavaVersionCheck {
    /** The oldest Java feature release ffnlab runs on. */
    public static final int NEEDED = 25;
    /** The class that runs the command line. */
    static final String MAIN = "ffnlab.cli.Main";

    private JavaVersionCheck() {
    }

    public static void main(String[] args) throws Throwable {
        int found = feature(System.getProperty("java.specification.version"));
        if (found < NEEDED) {
            System.err.println(message("JDK " + System.getProperty("java.specification.version") + " at "
                    + System.getProperty("java.home")));
            System.exit(2);
        }
        Method main = Class.forName(MAIN).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * The one line for a JVM that is too old, e.g. {@code ffnlab: needs JDK 25 or newer (found: JDK 17 at
     * /usr/lib/jvm/java-17-openjdk-amd64); point JAVA_HOME at one (bin/ffnlab and mvn use it), e.g. export
     * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64}.
     *
     * @param found what runs instead, e.g. {@code JDK 17 at /usr/lib/jvm/java-17-openjdk-amd64}
     */
    public static String message(String found) {
        return "ffnlab: needs JDK " + NEEDED + " or newer (found: " + found + "); point JAVA_HOME at one (bin/ffnlab and mvn use it),"
                + " e.g. export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64";
    }

    /** The feature release of a {@code java.specification.version}: {@code 1.8} is 8, {@code 17} is 17; 0 when unreadable. */
    static int feature(String specificationVersion) {
        String v = specificationVersion == null ? "" : specificationVersion.trim();
        if (v.startsWith("1.")) {
            v = v.substring(2);
        }
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }
}
