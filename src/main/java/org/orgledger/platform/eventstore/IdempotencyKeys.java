package org.orgledger.platform.eventstore;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;

/**
 * A command sent with an {@code Idempotency-Key} header is recorded once, however often, and on
 * whichever node, the client sends it again: the key (per user) becomes the command's id, and the
 * sequences it appended are stored with it in the appending transaction, under the ledger lock.
 * A retry finds them and is answered with the same receipt; two attempts at once collide on the
 * key's primary key, and the loser is answered with the winner's receipt. Commands without a key
 * write nothing here (decision 0007 keeps that path free of it). A key names one request: sent again
 * with another method, path or body it is refused ({@link IdempotencyKeyReused}), since answering
 * with the first request's receipt would tell the client that the other was recorded.
 */
@Component
public class IdempotencyKeys implements LedgerAppendListener {

    public static final String HEADER = "Idempotency-Key";
    private static final String PREFIX = "idempotency:";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, String> requestHashesInFlight = new ConcurrentHashMap<>();

    IdempotencyKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The command id the current HTTP request names with its key, scoped to the user, with the hash
     * of the request (method, path, query and body); empty without a key.
     */
    Optional<KeyedRequest> ofCurrentRequest(String recordedBy) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        String key = request.getHeader(HEADER);
        if (key == null) {
            return Optional.empty();
        }
        if (!KEY.matcher(key).matches()) {
            // a value refused: the web layer answers 400 INVALID_INPUT (platform knows no ledger codes)
            throw new IllegalArgumentException(HEADER + " must be 1 to 100 characters: letters, digits, '.', '_', ':' or '-'");
        }
        return Optional.of(new KeyedRequest(key, PREFIX + recordedBy + ":" + key, hashOf(request)));
    }

    /**
     * The sequences a keyed command appended, once it has committed; refused when the key was
     * recorded with another request (a key recorded before requests were hashed matches any).
     */
    Optional<List<Long>> recorded(KeyedRequest request) {
        return jdbc.query("SELECT sequences, request_hash FROM command_idempotency WHERE command_id = ?", (rs, n) -> {
            String recordedHash = rs.getString(2);
            if (recordedHash != null && !recordedHash.equals(request.requestHash())) {
                throw new IdempotencyKeyReused(request.key());
            }
            return Arrays.stream((Long[]) rs.getArray(1).getArray()).toList();
        }, request.commandId()).stream().findFirst();
    }

    /** While a keyed command is being sent: its append stores the request's hash with the key. */
    void sending(KeyedRequest request) {
        requestHashesInFlight.put(request.commandId(), request.requestHash());
    }

    void sent(KeyedRequest request) {
        requestHashesInFlight.remove(request.commandId());
    }

    /** The method, path, query and body, hashed (SHA-256, hex); the body as {@link KeyedRequestBodies} kept it. */
    private static String hashOf(HttpServletRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String line = request.getMethod() + " " + request.getRequestURI() + "?"
                    + Objects.requireNonNullElse(request.getQueryString(), "") + "\n";
            digest.update(line.getBytes(StandardCharsets.UTF_8));
            ContentCachingRequestWrapper body = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
            if (body != null) {
                // the controller may have stopped reading at the end of the JSON value: the rest counts too
                body.getInputStream().readAllBytes();
                digest.update(body.getContentAsByteArray());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot hash the keyed request", e);
        }
    }

    /** A request that carries a key: the key as sent, the command id it names, and the request's hash. */
    record KeyedRequest(String key, String commandId, String requestHash) {
    }

    @Override
    public void onAppended(List<AppendedEvent> events) {
        Map<String, List<Long>> keyed = new LinkedHashMap<>();
        for (AppendedEvent event : events) {
            Object commandId = event.message().getMetaData().get(LedgerMetadata.COMMAND_ID);
            if (commandId != null && commandId.toString().startsWith(PREFIX)) {
                keyed.computeIfAbsent(commandId.toString(), id -> new ArrayList<>()).add(event.sequence());
            }
        }
        keyed.forEach((commandId, sequences) -> jdbc.execute((ConnectionCallback<Integer>) connection -> {
            Array array = connection.createArrayOf("bigint", sequences.toArray());
            try (var insert = connection.prepareStatement(
                    "INSERT INTO command_idempotency (command_id, sequences, recorded_at, request_hash) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, commandId);
                insert.setArray(2, array);
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                insert.setString(4, requestHashesInFlight.get(commandId));
                return insert.executeUpdate();
            }
        }));
    }
}
