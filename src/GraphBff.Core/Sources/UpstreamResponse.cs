using System.Text.Json;
using GraphBff.Execution;

namespace GraphBff.Sources;

/// <summary>An upstream answer: its status and JSON, or the error it became.</summary>
internal readonly record struct UpstreamResponse(int Status, JsonDocument? Document, GraphQLError? Error);
