package dev.armorbench.policy.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AppArmor 4's built-in variables, as the rules of one profile see them: {@code @{profile_name}},
 * and {@code @{exec_path}} and {@code @{attach_path}} (the attachment, or a name that is a path)
 * where the profile attaches to a program. AppArmor's own profiles use {@code @{exec_path}} in 285
 * of them, mostly as {@code @{exec_path} mr,}.
 */
public final class BuiltinVariables {
    private BuiltinVariables() {
    }

    /**
     * The built-ins of a profile named {@code profileName} (variables expanded) whose attachment is
     * {@code attachment} as written (null for none).
     */
    public static Map<String, String> of(String profileName, String attachment) {
        Map<String, String> builtins = new LinkedHashMap<>();
        builtins.put("profile_name", profileName);
        String attachPath = attachment != null ? attachment : profileName.startsWith("/") ? profileName : null;
        if (attachPath != null) {
            builtins.put("exec_path", attachPath);
            builtins.put("attach_path", attachPath);
        }
        return builtins;
    }

    /**
     * The policy's variables with {@code profile}'s built-ins added where the policy does not define
     * the name itself (the apparmor.d collection defines {@code @{exec_path}} and attaches to it).
     */
    public static Map<String, List<String>> addedTo(Map<String, List<String>> defined, Profile profile) {
        Map<String, List<String>> all = new HashMap<>(defined);
        of(profile.name(), profile.attachment()).forEach((name, value) -> all.putIfAbsent(name, List.of(value)));
        return all;
    }
}
