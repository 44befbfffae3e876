package org.safereg.system;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.math.BigDecimal;
import java.net.URI;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error a controller lets escape into an RFC 9457 problem with a stable {@code type}
 * ({@link ProblemType}), so that features throw domain exceptions and never build HTTP responses.
 * It runs last: a feature may keep its own advice for its own exceptions.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Text TEXT = Text.of("input.kind.text", "text");
    private static final Text WHOLE_NUMBER = Text.of("input.kind.whole-number", "a whole number");
    private static final Text NUMBER = Text.of("input.kind.number", "a number");
    private static final Text TRUE_OR_FALSE = Text.of("input.kind.boolean", "true or false");

    /** Jackson's messages name Java classes; the caller only needs the place in the body. */
    private static final Map<Class<?>, Text> JSON_KINDS = Map.ofEntries(
            Map.entry(String.class, TEXT),
            Map.entry(Integer.class, WHOLE_NUMBER),
            Map.entry(int.class, WHOLE_NUMBER),
            Map.entry(Long.class, WHOLE_NUMBER),
            Map.entry(long.class, WHOLE_NUMBER),
            Map.entry(Short.class, WHOLE_NUMBER),
            Map.entry(short.class, WHOLE_NUMBER),
            Map.entry(Double.class, NUMBER),
            Map.entry(double.class, NUMBER),
            Map.entry(Float.class, NUMBER),
            Map.entry(float.class, NUMBER),
            Map.entry(BigDecimal.class, NUMBER),
            Map.entry(Boolean.class, TRUE_OR_FALSE),
            Map.entry(boolean.class, TRUE_OR_FALSE));

    private final ProblemTexts texts;

    ProblemDetailsAdvice(MessageSource messages) {
        this.texts = new ProblemTexts(messages);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex, WebRequest request) {
        return problem(ex, ProblemType.NOT_FOUND.problem(say(ex.text(), request)), request);
    }

    /**
     * MySQL or Redis did not answer (connection refused, timed out). Not a fault of the request: 503 with
     * Retry-After, so that gateways and the dispatch system send it again. Whatever stopped at this point
     * either was not written or is written idempotently when sent again.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, QueryTimeoutException.class})
    ResponseEntity<Object> storeUnavailable(Exception ex, WebRequest request) {
        StoreOutages.Store store = StoreOutages.storeOf(ex);
        StoreOutages.Store named = store == null ? StoreOutages.Store.UNKNOWN : store;
        log.warn("{} did not answer on {}: {}", named.displayName(), describe(request), StoreOutages.rootMessage(ex));
        ProblemDetail problem = ProblemType.UNAVAILABLE.problem(say(
                Text.of(
                        "problem.unavailable",
                        "{0} is not answering, so this request was not completed. Send it again in a few seconds.",
                        named.text()),
                request));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @ExceptionHandler(BatchBodies.PayloadTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(BatchBodies.PayloadTooLargeException ex, WebRequest request) {
        return problem(ex, ProblemType.PAYLOAD_TOO_LARGE.problem(say(ex.text(), request)), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex, WebRequest request) {
        return problem(ex, ProblemType.CONFLICT.problem(say(ex.text(), request)), request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException ex, WebRequest request) {
        ProblemDetail problem = ProblemType.INVALID_INPUT.problem(say(ex.text(), request));
        if (!ex.violations().isEmpty()) {
            problem.setProperty(
                    "errors",
                    ex.violations().stream()
                            .map(v -> InputError.field(v.field(), say(v.text(), request)))
                            .toList());
        }
        return problem(ex, problem, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        boolean ours = ex.getConstraintViolations().stream()
                .flatMap(v -> StreamSupport.stream(v.getPropertyPath().spliterator(), false))
                .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE);
        if (ours) {
            // a service returned something its own contract forbids: a fault of ours, not of the request
            return unexpected(ex, request);
        }
        List<InputError> errors = ex.getConstraintViolations().stream()
                .map(ProblemDetailsAdvice::inputError)
                .sorted(Comparator.comparing(InputError::name))
                .toList();
        return problem(ex, invalid(errors, request), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        return problem(ex, ProblemType.FORBIDDEN.problem(say(forbiddenDetail(ex), request)), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        ProblemDetail problem = ProblemType.UNAUTHORIZED.problem(say(SecurityProblems.UNAUTHENTICATED, request));
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        if (StoreOutages.isOutage(ex)) {
            // a store outage wrapped by MyBatis, a transaction manager or Lettuce: still not the request's fault
            return storeUnavailable(ex, request);
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error on {} (incident {})", describe(request), incident, ex);
        ProblemDetail problem = ProblemType.INTERNAL.problem(say(
                Text.of(
                        "problem.internal",
                        "An unexpected error stopped this request. It has been logged as incident {0}; please quote"
                                + " that number when you report it.",
                        incident),
                request));
        problem.setProperty("incident", incident);
        return handleExceptionInternal(
                ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(
                ex, invalid(inputErrors(ex.getBindingResult()), request), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            // an invalid return value is a fault of ours, not of the request
            return unexpected(ex, request);
        }
        List<InputError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bean) {
                errors.addAll(inputErrors(bean.getFieldErrors(), bean.getGlobalErrors()));
                continue;
            }
            String name = parameterName(result.getMethodParameter());
            if (result.getContainerIndex() != null) {
                name += "[" + result.getContainerIndex() + "]";
            } else if (result.getContainerKey() != null) {
                name += "[" + result.getContainerKey() + "]";
            }
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(InputError.parameter(name, error.getDefaultMessage()));
            }
        }
        for (MessageSourceResolvable error : ex.getCrossParameterValidationResults()) {
            errors.add(InputError.parameter("", error.getDefaultMessage()));
        }
        return handleExceptionInternal(ex, invalid(errors, request), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        Text detail;
        if (cause instanceof StreamConstraintsException) {
            detail = BatchBodies.TOO_DEEP;
        } else if (cause != null) {
            detail = unreadableDetail(cause);
        } else if (ex instanceof BatchBodies.UnreadableBodyException batch) {
            // SafeReg's own reading of a body says what it expected
            detail = batch.text();
        } else if (ex.getMessage() != null && !ex.getMessage().startsWith("Required request body is missing")) {
            detail = Text.english(ex.getMessage());
        } else if (hasBody(request)) {
            // Spring reads the JSON literal null as no body at all
            detail = Text.of("body.null", "The request body is JSON null; this request needs a JSON object.");
        } else {
            detail = unreadableDetail(null);
        }
        ProblemDetail problem = ProblemType.MALFORMED_REQUEST.problem(say(detail, request));
        if (ex.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            Text message = mismatch instanceof UnrecognizedPropertyException
                    ? Text.of("input.not-a-field", "is not a field of this request")
                    : mustBe(kindOf(mismatch.getTargetType()));
            problem.setProperty("errors", List.of(InputError.field(jsonPath(mismatch), say(message, request))));
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
        Text message = mustBe(kindOf(ex.getRequiredType()));
        ProblemDetail problem = ProblemType.INVALID_INPUT.problem(
                say(Text.of("input.parameter-must-be", "{0} {1}.", name, message), request));
        problem.setProperty("errors", List.of(InputError.parameter(name, say(message, request))));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemType.NOT_FOUND.problem(say(
                Text.of(
                        "problem.no-resource",
                        "There is nothing at {0} /{1}.",
                        ex.getHttpMethod(),
                        ex.getResourcePath()),
                request));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()
                && !(body instanceof ProblemDetail problem && (isInternal(problem) || isUnavailable(problem)))) {
            log.error("Request {} failed with status {}", describe(request), statusCode.value(), ex);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            ProblemType.stamp(problem, statusCode);
            if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
                problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** {@code text} in the caller's language. */
    private String say(Text text, WebRequest request) {
        return request instanceof ServletWebRequest servlet ? texts.say(text, servlet.getRequest()) : text.english();
    }

    private ResponseEntity<Object> problem(Exception ex, ProblemDetail problem, WebRequest request) {
        return handleExceptionInternal(
                ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static boolean isInternal(ProblemDetail problem) {
        return ProblemType.INTERNAL.uri().equals(problem.getType())
                && problem.getProperties() != null
                && problem.getProperties().containsKey("incident");
    }

    /** A store outage: logged in one line where it was mapped, not as a fault with its stack. */
    private static boolean isUnavailable(ProblemDetail problem) {
        return ProblemType.UNAVAILABLE.uri().equals(problem.getType());
    }

    /** The errors' messages are already in the caller's language (Bean Validation's, or said here). */
    private ProblemDetail invalid(List<InputError> errors, WebRequest request) {
        Text detail = errors.isEmpty()
                ? Text.of("problem.invalid", "The request is invalid.")
                : Text.of(
                        "problem.invalid-because",
                        "The request is invalid: {0}.",
                        Text.list(
                                "; ",
                                errors.stream()
                                        .map(e -> e.name().isEmpty()
                                                ? Text.english(e.message())
                                                : Text.of("input.field-message", "{0} {1}", e.name(), e.message()))
                                        .toList()));
        ProblemDetail problem = ProblemType.INVALID_INPUT.problem(say(detail, request));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static List<InputError> inputErrors(BindingResult result) {
        return inputErrors(result.getFieldErrors(), result.getGlobalErrors());
    }

    private static List<InputError> inputErrors(Collection<FieldError> fields, Collection<ObjectError> globals) {
        List<InputError> errors = new ArrayList<>();
        fields.stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .forEach(e -> errors.add(InputError.field(e.getField(), e.getDefaultMessage())));
        globals.forEach(e -> errors.add(InputError.field("", e.getDefaultMessage())));
        return errors;
    }

    private static InputError inputError(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean parameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            parameter |= kind == ElementKind.PARAMETER;
            String name = kind == ElementKind.CONTAINER_ELEMENT ? "" : node.getName();
            if (node.getIndex() != null) {
                name = indexed(names, name, "[" + node.getIndex() + "]");
            } else if (node.getKey() != null) {
                name = indexed(names, name, "[" + node.getKey() + "]");
            }
            if (name != null && !name.isEmpty()) {
                names.add(name);
            }
        }
        String name = String.join(".", names);
        return parameter && names.size() == 1
                ? InputError.parameter(name, violation.getMessage())
                : InputError.field(name, violation.getMessage());
    }

    /** Bean Validation puts an element's index on the node after its container; fold it back on. */
    private static String indexed(List<String> names, String name, String index) {
        if (!names.isEmpty()) {
            names.set(names.size() - 1, names.get(names.size() - 1) + index);
            return name;
        }
        return name + index;
    }

    private static String parameterName(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "arg" + parameter.getParameterIndex() : name;
    }

    private static boolean hasBody(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                && servlet.getRequest().getContentLengthLong() > 0;
    }

    private static Text unreadableDetail(Throwable cause) {
        if (cause == null) {
            return Text.of("body.missing", "The request body is missing; this request needs a JSON body.");
        }
        if (cause instanceof JsonParseException parse) {
            JsonLocation at = parse.getLocation();
            return at == null
                    ? Text.of("body.not-json", "The request body is not well-formed JSON.")
                    : Text.of(
                            "body.not-json-at",
                            "The request body is not well-formed JSON (line {0}, column {1}).",
                            at.getLineNr(),
                            at.getColumnNr());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Text.of(
                    "body.unknown-field",
                    "The request body has a field this request does not know: '{0}'.",
                    jsonPath(unknown));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String path = jsonPath(mismatch);
            if (path.isEmpty()) {
                return isList(mismatch.getTargetType())
                        ? Text.of("body.must-be-array", "The request body must be a JSON array.")
                        : Text.of("body.must-be-object", "The request body must be a JSON object.");
            }
            return Text.of(
                    "body.value-must-be", "The value of '{0}' must be {1}.", path, kindOf(mismatch.getTargetType()));
        }
        if (cause instanceof ValueInstantiationException instantiation) {
            String path = jsonPath(instantiation);
            return path.isEmpty()
                    ? Text.of("body.values-clash", "The request body has values that cannot be used together.")
                    : Text.of("body.value-unusable", "The value of '{0}' cannot be used.", path);
        }
        return Text.of("body.unreadable", "The request body could not be read as JSON.");
    }

    private static String jsonPath(JsonMappingException ex) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : ex.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static Text mustBe(Text kind) {
        return Text.of("input.must-be", "must be {0}", kind);
    }

    private static Text kindOf(Class<?> type) {
        if (type == null) {
            return Text.of("input.kind.other", "a value of another kind");
        }
        if (JSON_KINDS.containsKey(type)) {
            return JSON_KINDS.get(type);
        }
        if (isList(type)) {
            return Text.of("input.kind.list", "a list");
        }
        if (type.isEnum()) {
            return Text.of(
                    "input.kind.one-of",
                    "one of {0}",
                    Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return Text.of("input.kind.date-time", "an ISO-8601 date or time");
        }
        return Text.of("input.kind.object", "an object");
    }

    private static boolean isList(Class<?> type) {
        return type != null && (type.isArray() || Collection.class.isAssignableFrom(type));
    }

    private static Text forbiddenDetail(AccessDeniedException ex) {
        if (ex instanceof ForbiddenException forbidden) {
            return forbidden.text();
        }
        String message = ex.getMessage();
        if (ex instanceof AuthorizationDeniedException || message == null || message.equals("Access Denied")) {
            return SecurityProblems.FORBIDDEN;
        }
        return Text.english(message);
    }

    private static String describe(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            return http.getMethod() + " " + http.getRequestURI();
        }
        return request.getDescription(false);
    }

    /** One entry of a problem's {@code errors}: a body {@code field} or a request {@code parameter}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InputError(String field, String parameter, String message) {

        static InputError field(String name, String message) {
            return new InputError(name, null, message);
        }

        static InputError parameter(String name, String message) {
            return new InputError(null, name, message);
        }

        @JsonIgnore
        String name() {
            return field != null ? field : parameter;
        }
    }
}
