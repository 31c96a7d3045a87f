using System.Text.Json;
using GraphBff.Planning;

namespace GraphBff.Execution;

internal sealed partial class ResponseWriter
{
    private void AddError(PlanField field, string message, string code)
    {
        var path = new object[_depth];
        for (var i = 0; i < _depth; i++)
        {
            path[i] = _path[i].Value;
        }

        _errors.Add(new GraphQLError(message, code) { Path = path, Line = field.Line, Column = field.Column });
    }

    /// <summary>Finds the upstream error reported for the value at the current path, and reports it here.</summary>
    private bool ReportUpstreamError(PlanField field)
    {
        if (_contextErrors is null)
        {
            return false;
        }

        var length = _depth - _contextBase;
        foreach (var error in _contextErrors)
        {
            if (error.Path.Length != length)
            {
                continue;
            }

            var match = true;
            for (var i = 0; i < length && match; i++)
            {
                match = _path[_contextBase + i].Matches(error.Path[i]);
            }

            if (match)
            {
                if (!error.Used)
                {
                    error.Used = true;
                    _used.Add(error);
                }

                AddError(field, error.Message, error.Code ?? ErrorCodes.UpstreamError);
                return true;
            }
        }

        return false;
    }

    private void AddUnmatchedErrors()
    {
        foreach (var result in _state.Results)
        {
            if (result?.Unmatched is not { } errors)
            {
                continue;
            }

            foreach (var error in errors)
            {
                if (!error.Used && result.Single.Failure is null)
                {
                    _errors.Add(new GraphQLError(error.Message, error.Code ?? ErrorCodes.UpstreamError));
                }
            }
        }
    }

    public static void WriteErrors(Utf8JsonWriter writer, IReadOnlyList<GraphQLError> errors)
    {
        writer.WriteStartArray();
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("message"u8, error.Message);
            if (error.Line > 0)
            {
                writer.WriteStartArray("locations"u8);
                writer.WriteStartObject();
                writer.WriteNumber("line"u8, error.Line);
                writer.WriteNumber("column"u8, error.Column);
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            if (error.Path is { } path)
            {
                writer.WriteStartArray("path"u8);
                foreach (var segment in path)
                {
                    if (segment is int index)
                    {
                        writer.WriteNumberValue(index);
                    }
                    else
                    {
                        writer.WriteStringValue((string)segment);
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteStartObject("extensions"u8);
            writer.WriteString("code"u8, error.Code);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
