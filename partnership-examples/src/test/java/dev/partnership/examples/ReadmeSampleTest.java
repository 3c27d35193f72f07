package dev.partnership.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.partnership.examples.sample.SampleGenerator;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first {@code ```java} block is a complete program: it compiles against the project's class path,
 * and run on the sample dataset it prints a TRUST summary line. Keeps the README's ten-line sample honest.
 */
class ReadmeSampleTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java[ \\t]*\\R(.*?)\\R```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void firstJavaBlockCompilesAndPrintsTheTrustSummary() throws Exception {
        Path readme = Path.of("..", "README.md");
        assumeTrue(Files.isRegularFile(readme), "no README.md yet at " + readme.toAbsolutePath());
        Matcher block = JAVA_BLOCK.matcher(Files.readString(readme, StandardCharsets.UTF_8));
        assumeTrue(block.find(), "README.md has no ```java block yet");
        String source = block.group(1);

        Matcher name = CLASS_NAME.matcher(source);
        assertTrue(name.find(), "the README's java block declares no public class:\n" + source);
        Matcher pkg = PACKAGE.matcher(source);
        String packageName = pkg.find() ? pkg.group(1) : "";
        String className = packageName.isEmpty() ? name.group(1) : packageName + "." + name.group(1);

        Path sourceDir = dir.resolve("src").resolve(packageName.replace('.', '/'));
        Files.createDirectories(sourceDir);
        Path sourceFile = sourceDir.resolve(name.group(1) + ".java");
        Files.writeString(sourceFile, source, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(dir.resolve("classes"));

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "the tests need a JDK, not a JRE");
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, diagnostics, diagnostics, "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), "-proc:none", "-encoding", "UTF-8", sourceFile.toString());
        assertEquals(0, status, () -> "the README's java block does not compile:\n"
                + diagnostics.toString(StandardCharsets.UTF_8) + "\n" + source);

        Path dataset = dir.resolve("riverbend.json");
        try (InputStream in = SampleGenerator.openBundledSample()) {
            Files.copy(in, dataset);
        }
        String printed;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream original = System.out;
            try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
                System.setOut(capture);
                main.invoke(null, (Object) new String[] {dataset.toString()});
            } catch (InvocationTargetException e) {
                throw new AssertionError("the README's program failed", e.getCause());
            } finally {
                System.setOut(original);
            }
            printed = captured.toString(StandardCharsets.UTF_8);
        }
        assertTrue(printed.lines().anyMatch(l -> l.contains("TRUST")),
                () -> "the README's program printed no TRUST summary line:\n" + printed);
    }
}
