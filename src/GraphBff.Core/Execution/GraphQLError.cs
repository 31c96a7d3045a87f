namespace GraphBff.Execution;

/// <summary>An error of the response: message, locations, path and <c>extensions.code</c>.</summary>
internal sealed class GraphQLError(string message, string code)
{
    public string Message { get; } = message;

    public string Code { get; } = code;

    public object[]? Path { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }
}
