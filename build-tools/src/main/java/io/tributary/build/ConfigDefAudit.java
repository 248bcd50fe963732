package io.tributary.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The rules every plugin's {@link ConfigDef} keeps: each key is documented, has a type and a group, and — unless it is
 * a boolean or a password, whose every value is valid — a validator that rejects bad values at validation time.
 */
public final class ConfigDefAudit {

    private static final Set<Type> FREE_TYPES = Set.of(Type.BOOLEAN, Type.PASSWORD);

    private ConfigDefAudit() {
    }

    /** What is wrong with {@code def}, one line per problem naming the key; empty when it keeps every rule. */
    public static List<String> problems(String owner, ConfigDef def) {
        List<String> problems = new ArrayList<>();
        for (ConfigKey key : def.configKeys().values()) {
            String where = owner + ": key '" + key.name + "'";
            if (key.documentation == null || key.documentation.isBlank()) {
                problems.add(where + " has no documentation");
            } else if (key.documentation.strip().length() < 10) {
                problems.add(where + " has documentation too short to help: '" + key.documentation + "'");
            }
            if (key.type == null) {
                problems.add(where + " has no type");
            }
            if (key.group == null || key.group.isBlank()) {
                problems.add(where + " has no group");
            }
            if (key.validator == null && !FREE_TYPES.contains(key.type)) {
                problems.add(where + " (" + key.type + ") has no validator");
            }
            if (key.type == Type.PASSWORD && key.hasDefault() && key.defaultValue != null) {
                problems.add(where + " is a password with a default value");
            }
        }
        return problems;
    }
}
