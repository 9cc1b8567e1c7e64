package io.tipoff.api.access;

import io.tipoff.api.config.ApiProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The configured API keys ({@code tipoff.security.api-keys}), kept only as SHA-256 hashes by name. A key sent with a
 * request is hashed and compared with every configured hash in constant time, so neither the answer's timing nor
 * anything this object holds tells a key. Names, never keys, appear in jobs and logs.
 *
 * <p>An entry is {@code name:key} or {@code name:sha256:HEX}. Names are short identifiers; a key given in the clear
 * must be at least {@value #MIN_KEY_LENGTH} characters (a guessable key protects nothing). Errors in the configuration
 * stop the start-up, saying which entry by its position and name, never by its key.
 */
@Component
class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    static final int MIN_KEY_LENGTH = 16;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String HASHED = "sha256:";

    private final Map<String, byte[]> hashes = new LinkedHashMap<>();
    private final Set<String> admins = new HashSet<>();
    private final boolean protectReads;

    @Autowired
    ApiKeys(ApiProperties properties) {
        this(properties.security());
    }

    ApiKeys(ApiProperties.Security security) {
        for (int i = 0; i < security.apiKeys().size(); i++) {
            add("tipoff.security.api-keys[" + i + "]", security.apiKeys().get(i).strip());
        }
        for (int i = 0; i < security.adminKeys().size(); i++) {
            admins.add(add("tipoff.security.admin-keys[" + i + "]", security.adminKeys().get(i).strip()));
        }
        this.protectReads = security.protectReads();
        if (hashes.isEmpty()) {
            log.warn("""

                    *************************************************************************************************
                    NO API KEYS CONFIGURED: this api is OPEN. Anyone who can reach it may submit and cancel jobs and
                    import teams and brackets. Fine for bin/tipoff up on your own machine; anywhere else set
                    TIPOFF_SECURITY_API_KEYS (tipoff.security.api-keys), e.g. name:key or name:sha256:HEX.
                    *************************************************************************************************
                    """);
        } else {
            log.info("API keys required to change state ({}; admin: {}), reads {}", String.join(", ", hashes.keySet()),
                    admins.isEmpty() ? "none" : String.join(", ", admins),
                    protectReads ? "need a key too, each key reads its own jobs" : "public");
        }
    }

    /** Adds one configured entry, {@code where} in the configuration; returns its name. */
    private String add(String where, String entry) {
        int colon = entry.indexOf(':');
        String name = colon < 0 ? "" : entry.substring(0, colon);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException(where + " must be name:key or name:sha256:HEX, the name 1 to 64 letters, "
                    + "digits, '.', '_' or '-'");
        }
        String secret = entry.substring(colon + 1);
        byte[] hash;
        if (secret.startsWith(HASHED)) {
            String hex = secret.substring(HASHED.length());
            if (!SHA256_HEX.matcher(hex).matches()) {
                throw new IllegalStateException(where + " (" + name + "): sha256: must be followed by 64 hex digits");
            }
            hash = HexFormat.of().parseHex(hex);
        } else if (secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException(where + " (" + name + "): the key must be at least " + MIN_KEY_LENGTH
                    + " characters");
        } else {
            hash = sha256(secret);
        }
        if (hashes.containsKey(name)) {
            throw new IllegalStateException(where + ": the name " + name + " is given twice");
        }
        if (identify(hash).isPresent()) {
            throw new IllegalStateException(where + " (" + name + "): the same key as " + identify(hash).get());
        }
        hashes.put(name, hash);
        return name;
    }

    /** True when no key is configured: anyone may do anything. */
    boolean open() {
        return hashes.isEmpty();
    }

    boolean protectReads() {
        return protectReads;
    }

    /** Whether the key of this name is an admin key: it may read, list and cancel every key's jobs. */
    boolean admin(String name) {
        return admins.contains(name);
    }

    /** The name of the configured key {@code key} is, if any. */
    Optional<String> identify(String key) {
        return identify(sha256(key));
    }

    /** Compares with every hash, each in constant time: the time taken says nothing of which, if any, matched. */
    private Optional<String> identify(byte[] hash) {
        String found = null;
        for (Map.Entry<String, byte[]> entry : hashes.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), hash) && found == null) {
                found = entry.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
