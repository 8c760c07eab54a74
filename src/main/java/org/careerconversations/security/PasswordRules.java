package org.careerconversations.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password a person sets must be: at least {@value #MIN_LENGTH} characters, without their user id,
 * and none of the passwords that top the published lists of leaked ones. Each refusal says its rule.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;

    /** The common passwords long enough to pass the length rule; shorter ones fail it anyway. */
    private static final Set<String> COMMON = Set.of(
        "123456789012", "1234567890123", "12345678901234", "123456789123", "111111111111", "000000000000",
        "123123123123", "121212121212", "qwertyuiop12", "qwerty123456", "qwertyqwerty", "qwertyuiopasdf",
        "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3", "asdfghjklzxc", "asdfasdfasdf", "abcdefghijkl",
        "abc123abc123", "password1234", "password12345", "password123456", "passwordpassword", "passw0rd1234",
        "p@ssw0rd1234", "p@ssword1234", "iloveyou1234", "welcome12345", "welcome123456", "letmein12345",
        "changeme1234", "administrator", "administrator1", "trustno1trustno1", "football1234", "baseball1234",
        "sunshine1234", "princess1234", "superman1234", "starwars1234", "monkey123456", "dragon123456",
        "master123456", "whatever1234", "computer1234", "demodemodemo", "careerconversations");

    private PasswordRules() {
    }

    /** The rule the password breaks, in the person's words, or empty when it may be used. */
    public static Optional<String> broken(String userId, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("A password needs at least " + MIN_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (userId != null && userId.length() >= 3 && lower.contains(userId.toLowerCase(Locale.ROOT))) {
            return Optional.of("A password must not contain your user name.");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("This password is one of the most common ones: choose another.");
        }
        return Optional.empty();
    }
}
