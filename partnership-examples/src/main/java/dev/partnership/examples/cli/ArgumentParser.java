package dev.partnership.examples.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the arguments of one {@code partnership} command: long options with a value ({@code --format json} or
 * {@code --format=json}), flags ({@code --sample}) and up to a fixed number of positional arguments. {@code --}
 * ends the options. Every mistake is a {@link UsageException} naming the option or argument: an unknown option,
 * an option without its value, an option given twice, a value given to a flag, too many positionals.
 *
 * <p>Immutable and thread-safe; {@link #option}, {@link #flag} and {@link #positionals} return modified copies.
 * Cost O(arguments).
 */
final class ArgumentParser {
    private final String command;
    private final Map<String, String> options;
    private final Set<String> flags;
    private final String positionalName;
    private final int maxPositionals;

    private ArgumentParser(String command, Map<String, String> options, Set<String> flags, String positionalName,
                           int maxPositionals) {
        this.command = command;
        this.options = Collections.unmodifiableMap(options);
        this.flags = Collections.unmodifiableSet(flags);
        this.positionalName = positionalName;
        this.maxPositionals = maxPositionals;
    }

    /**
     * Returns a parser for a command that accepts no options and no positional arguments yet.
     *
     * @param command the command's name, for messages
     * @return the parser
     */
    static ArgumentParser forCommand(String command) {
        return new ArgumentParser(Objects.requireNonNull(command, "command"), new LinkedHashMap<>(),
                new LinkedHashSet<>(), null, 0);
    }

    /**
     * Returns a copy that also accepts an option taking a value.
     *
     * @param name      the option, with its leading {@code --}
     * @param valueName what the value is, for messages (for example {@code FILE})
     * @return the copy
     */
    ArgumentParser option(String name, String valueName) {
        Map<String, String> more = new LinkedHashMap<>(options);
        more.put(requireOptionName(name), Objects.requireNonNull(valueName, "valueName"));
        return new ArgumentParser(command, more, flags, positionalName, maxPositionals);
    }

    /**
     * Returns a copy that also accepts a flag (an option without a value).
     *
     * @param name the flag, with its leading {@code --}
     * @return the copy
     */
    ArgumentParser flag(String name) {
        Set<String> more = new LinkedHashSet<>(flags);
        more.add(requireOptionName(name));
        return new ArgumentParser(command, options, more, positionalName, maxPositionals);
    }

    /**
     * Returns a copy accepting up to {@code max} positional arguments.
     *
     * @param name what they are, for messages (for example {@code DATASET})
     * @param max  how many at most
     * @return the copy
     */
    ArgumentParser positionals(String name, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0, was " + max);
        }
        return new ArgumentParser(command, options, flags, Objects.requireNonNull(name, "name"), max);
    }

    private static String requireOptionName(String name) {
        if (!name.startsWith("--") || name.length() < 3) {
            throw new IllegalArgumentException("an option name starts with -- : " + name);
        }
        return name;
    }

    /**
     * Parses the arguments that follow the command's name.
     *
     * @param args the arguments
     * @return what they say
     * @throws UsageException when they do not fit this command
     */
    Arguments parse(List<String> args) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> set = new LinkedHashSet<>();
        List<String> positional = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (options.containsKey(name)) {
                String value;
                if (eq > 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(String.format(Locale.ROOT, "option %s needs a value (%s)", name,
                            options.get(name)));
                }
                if (value.isEmpty()) {
                    throw new UsageException(String.format(Locale.ROOT, "option %s needs a value (%s)", name,
                            options.get(name)));
                }
                if (values.put(name, value) != null) {
                    throw new UsageException("option " + name + " is given more than once");
                }
            } else if (flags.contains(name)) {
                if (eq > 0) {
                    throw new UsageException("option " + name + " takes no value");
                }
                if (!set.add(name)) {
                    throw new UsageException("option " + name + " is given more than once");
                }
            } else {
                throw new UsageException(String.format(Locale.ROOT, "unknown option %s for '%s'%s", name, command,
                        accepted()));
            }
        }
        if (positional.size() > maxPositionals) {
            String extra = positional.get(maxPositionals);
            throw new UsageException(maxPositionals == 0
                    ? String.format(Locale.ROOT, "'%s' takes no arguments, found '%s'", command, extra)
                    : String.format(Locale.ROOT, "'%s' takes at most %d %s, found also '%s'", command,
                            maxPositionals, positionalName, extra));
        }
        return new Arguments(values, set, positional);
    }

    private String accepted() {
        List<String> all = new ArrayList<>(options.keySet());
        all.addAll(flags);
        return all.isEmpty() ? "; it takes no options" : "; it accepts " + String.join(", ", all);
    }

    /**
     * The parsed arguments of one command. Immutable.
     *
     * @param options     option name (with {@code --}) to its value, in the order given
     * @param flags       the flags given
     * @param positionals the positional arguments, in order
     */
    record Arguments(Map<String, String> options, Set<String> flags, List<String> positionals) {
        /** Copies the components. */
        Arguments {
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
            flags = Collections.unmodifiableSet(new LinkedHashSet<>(flags));
            positionals = List.copyOf(positionals);
        }

        /**
         * Returns an option's value.
         *
         * @param name option name, with {@code --}
         * @return the value, or empty when not given
         */
        Optional<String> option(String name) {
            return Optional.ofNullable(options.get(name));
        }

        /**
         * Returns whether a flag was given.
         *
         * @param name flag name, with {@code --}
         * @return {@code true} when given
         */
        boolean flag(String name) {
            return flags.contains(name);
        }
    }
}
