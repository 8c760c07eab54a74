package org.careerconversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls the engine REST API over HTTP as a given user, as Tasklist or any client would. */
public class EngineRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String authorization;
    private final Map<String, String> headers;

    public EngineRest(String baseUrl) {
        this(baseUrl, null, Map.of());
    }

    private EngineRest(String baseUrl, String authorization, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.headers = headers;
    }

    /** The same client, authenticated with HTTP Basic. */
    public EngineRest as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new EngineRest(baseUrl, "Basic " + token, headers);
    }

    /** The same client, sending this header too (as a browser sends Origin or Referer). */
    public EngineRest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new EngineRest(baseUrl, authorization, more);
    }

    /** A demo user with the demo password. */
    public EngineRest as(String user) {
        return as(user, "demo");
    }

    public record Answer(int status, String body, java.net.http.HttpHeaders headers) {

        public Answer(int status, String body) {
            this(status, body, java.net.http.HttpHeaders.of(Map.of(), (name, value) -> true));
        }

        /** The answer's header, if it has one. */
        public java.util.Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
            }
        }

        public String message() {
            return json().path("message").asText();
        }
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    /** A GET that asks for a given media type. */
    public Answer getAccepting(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    public Answer post(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A POST with a body of the given type, as a form or a script sends it. */
    public Answer post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any method, with a JSON body or none. */
    public Answer send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest.Builder request = request(path).method(method, publisher);
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file part of a multipart request: its form field name, its file name and its content. */
    public record Part(String name, String fileName, byte[] content) {
    }

    /**
     * A {@code multipart/form-data} POST, as Camunda Modeler sends a deployment: text fields first, then the
     * files.
     */
    public Answer postMultipart(String path, Map<String, String> fields, java.util.List<Part> files) {
        String boundary = "----careers" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = s -> body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        fields.forEach((name, value) -> text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
            + name + "\"\r\n\r\n" + value + "\r\n"));
        for (Part file : files) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name()
                + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(file.content());
            text.accept("\r\n");
        }
        text.accept("--" + boundary + "--\r\n");
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code {"variables": {name: {"value": v}}}} as the REST API takes it; lists go as type Json. */
    public static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables(values);
    }

    /** The same for a map of names and values. */
    public static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Object value = entry.getValue();
            Map<String, Object> typed = new LinkedHashMap<>();
            if (value instanceof java.util.List<?>) {
                try {
                    typed.put("value", JSON.writeValueAsString(value));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                typed.put("type", "Json");
            } else {
                typed.put("value", value);
            }
            variables.put(entry.getKey(), typed);
        }
        return Map.of("variables", variables);
    }
}
