namespace GraphBff.Execution;

/// <summary>The values of <c>extensions.code</c> in the gateway's errors.</summary>
public static class ErrorCodes
{
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string BadRequest = "BAD_REQUEST";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string OperationNotFound = "OPERATION_NOT_FOUND";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string UpstreamError = "UPSTREAM_ERROR";
    public const string UpstreamTimeout = "UPSTREAM_TIMEOUT";
    public const string UpstreamUnavailable = "UPSTREAM_UNAVAILABLE";
    public const string UpstreamInvalidValue = "UPSTREAM_INVALID_VALUE";
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";
    public const string InternalError = "INTERNAL_SERVER_ERROR";
}
