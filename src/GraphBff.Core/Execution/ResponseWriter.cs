using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Security.Claims;
using GraphBff.Authorization;
using GraphBff.Composition;
using GraphBff.Planning;

namespace GraphBff.Execution;

/// <summary>
/// Writes the response straight from the upstream JSON with <see cref="Utf8JsonWriter"/>, coercing leaves and
/// propagating nulls as the spec says. The first pass writes optimistically; only when a non-null field turns out null
/// is the response written again in a careful mode that checks each nullable subtree before writing it.
/// </summary>
internal sealed partial class ResponseWriter
{
    private enum Mode
    {
        Write,
        Check,
        Collect,
    }

    /// <summary>Responses are JSON documents, not HTML: escape only what JSON requires (quotes, control characters).</summary>
    internal static readonly JsonWriterOptions Options = new()
    {
        SkipValidation = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ExecutionState _state;
    private readonly List<GraphQLError> _errors = [];
    private readonly List<UpstreamPathError> _used = [];
    private Utf8JsonWriter _writer = null!;
    private PathSegment[] _path = new PathSegment[16];
    private int _depth;
    private bool _safe;
    private bool _restart;
    private List<UpstreamPathError>? _contextErrors;
    private int _contextBase;

    private readonly ClaimsPrincipal? _user;
    private readonly IGraphBffAuthorizer? _authorizer;

    private ResponseWriter(ExecutionState state, ClaimsPrincipal? user, IGraphBffAuthorizer? authorizer)
    {
        _state = state;
        _user = user;
        _authorizer = authorizer;
    }

    public static void Write(ExecutionState state, ArrayBufferWriter<byte> output, ClaimsPrincipal? user = null, IGraphBffAuthorizer? authorizer = null)
    {
        var writer = new ResponseWriter(state, user, authorizer);
        writer.Run(output);
    }

    private void Run(ArrayBufferWriter<byte> output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        _writer = json;
        WriteDocument();
        if (!_restart)
        {
            return;
        }

        json.Reset();
        output.ResetWrittenCount();
        _errors.Clear();
        foreach (var error in _used)
        {
            error.Used = false;
        }

        _used.Clear();
        _restart = false;
        _safe = true;
        WriteDocument();
    }

    private void WriteDocument()
    {
        var root = _state.Plan.Root;
        _writer.WriteStartObject();
        _writer.WritePropertyName("data"u8);
        if (_safe && CompleteObject(root, default, false, Mode.Check))
        {
            _writer.WriteNullValue();
            CompleteObject(root, default, false, Mode.Collect);
        }
        else
        {
            CompleteObject(root, default, false, Mode.Write);
            if (_restart)
            {
                return;
            }
        }

        AddUnmatchedErrors();
        if (_errors.Count > 0)
        {
            _writer.WritePropertyName("errors"u8);
            WriteErrors(_writer, _errors);
        }

        _writer.WriteEndObject();
        _writer.Flush();
    }

    /// <summary>Returns true when the object must become null (a non-null field inside is null).</summary>
    private bool CompleteObject(PlanSelectionSet selection, JsonElement parent, bool hasParent, Mode mode)
    {
        if (mode == Mode.Write)
        {
            _writer.WriteStartObject();
        }

        foreach (var field in selection.Fields)
        {
            Push(new PathSegment(field.ResponseKey, 0));
            if (mode == Mode.Write)
            {
                _writer.WritePropertyName(field.EncodedKey);
            }

            var propagate = CompleteField(field, selection, parent, hasParent, mode);
            _depth--;
            if (propagate || _restart)
            {
                return true;
            }
        }

        if (mode == Mode.Write)
        {
            _writer.WriteEndObject();
        }

        return false;
    }

    private bool CompleteField(PlanField field, PlanSelectionSet selection, JsonElement parent, bool hasParent, Mode mode)
    {
        if (field.Kind == PlanFieldKind.Denied || (field.AfterRules is not null && !AllowedAfter(field, parent)))
        {
            if (mode != Mode.Check)
            {
                var code = field.DeniedCode ?? (_user?.Identity?.IsAuthenticated == true ? ErrorCodes.NotAuthorized : ErrorCodes.NotAuthenticated);
                AddError(
                    field,
                    code == ErrorCodes.NotAuthenticated
                        ? $"Authentication is required to read {field.ParentType}.{field.FieldName}."
                        : $"The caller may not read {field.ParentType}.{field.FieldName}.",
                    code);
            }

            if (mode == Mode.Write)
            {
                _writer.WriteNullValue();
            }

            return PropagateNull(field.Type, mode);
        }

        switch (field.Kind)
        {
            case PlanFieldKind.Typename:
                if (mode == Mode.Write)
                {
                    _writer.WriteStringValue(selection.EncodedTypeName);
                }

                return false;
            case PlanFieldKind.Property:
                JsonElement value = default;
                var present = hasParent && parent.TryGetProperty(field.Property!, out value);
                return Complete(field, field.Type, value, present, mode);
            default:
                return CompleteFetched(field, parent, hasParent, mode);
        }
    }

    private bool CompleteFetched(PlanField field, JsonElement parent, bool hasParent, Mode mode)
    {
        var result = _state.Results[field.Fetch!.Id];
        FetchOutcome outcome = default;
        var found = false;
        var contextBase = _depth;
        if (result is not null)
        {
            if (field.Fetch is FieldFetch fieldFetch && fieldFetch.Parent is not null)
            {
                found = TemplateValues.TryGetKey(fieldFetch, parent, hasParent, out var key) &&
                        result.ByKey!.TryGetValue(key, out outcome);
            }
            else
            {
                outcome = result.Single;
                found = true;
            }
        }

        if (found && outcome.Failure is { } failure)
        {
            if (mode != Mode.Check)
            {
                AddError(field, failure.Message, failure.Code);
            }

            if (mode == Mode.Write)
            {
                _writer.WriteNullValue();
            }

            return PropagateNull(field.Type, mode);
        }

        var value = outcome.Value;
        var present = found && value.ValueKind != JsonValueKind.Undefined;
        if (present && field.Property is not null)
        {
            // A root field of a GraphQL source or introspection: the outcome is the data object.
            present = value.ValueKind == JsonValueKind.Object && value.TryGetProperty(field.Property, out value);
            contextBase = _depth - 1;
        }

        var savedErrors = _contextErrors;
        var savedBase = _contextBase;
        _contextErrors = found ? outcome.Errors : null;
        _contextBase = contextBase;
        var propagate = Complete(field, field.Type, value, present, mode);
        _contextErrors = savedErrors;
        _contextBase = savedBase;
        return propagate;
    }

    /// <summary>AFTER_RESOLVER: decided with the parent's data. Policies that finish synchronously (claims, roles) never block.</summary>
    private bool AllowedAfter(PlanField field, JsonElement parent)
    {
        var user = _user ?? new ClaimsPrincipal(new ClaimsIdentity());
        var authorizer = _authorizer ?? DefaultAuthorizer.Instance;
        var resource = new FieldResource(field.ParentType, field.FieldName, parent, field.ResourceProperties!);
        foreach (var rule in field.AfterRules!)
        {
            var decision = authorizer.AuthorizeAsync(user, rule, resource);
            if (!(decision.IsCompletedSuccessfully ? decision.Result : decision.AsTask().GetAwaiter().GetResult()))
            {
                return false;
            }
        }

        return true;
    }

    private bool PropagateNull(TypeRef type, Mode mode)
    {
        if (!type.NonNull)
        {
            return false;
        }

        if (mode == Mode.Write && !_safe)
        {
            _restart = true;
        }

        return true;
    }

    /// <summary>Completes a value at a position of type <paramref name="type"/>; true when a null must propagate.</summary>
    private bool Complete(PlanField field, TypeRef type, JsonElement value, bool present, Mode mode)
    {
        if (!present || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            var reported = mode != Mode.Check && ReportUpstreamError(field);
            if (mode == Mode.Write)
            {
                _writer.WriteNullValue();
            }

            if (type.NonNull && !reported && mode != Mode.Check)
            {
                AddError(field, $"Cannot return null for non-nullable field {field.ParentType}.{field.FieldName}.", ErrorCodes.UpstreamInvalidValue);
            }

            return PropagateNull(type, mode);
        }

        if (!type.NonNull && mode == Mode.Write && _safe && (type.IsList || field.Selection is not null))
        {
            if (CompleteInner(field, type, value, Mode.Check))
            {
                _writer.WriteNullValue();
                CompleteInner(field, type, value, Mode.Collect);
                return false;
            }
        }

        return CompleteInner(field, type, value, mode) && PropagateNull(type, mode);
    }

    /// <summary>Writes a non-null JSON value; true when it ended up null (an error inside, already reported).</summary>
    private bool CompleteInner(PlanField field, TypeRef type, JsonElement value, Mode mode)
    {
        if (type.IsList)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                return Invalid(field, "a list", value, mode);
            }

            if (mode == Mode.Write)
            {
                _writer.WriteStartArray();
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Push(new PathSegment(null, index++));
                var propagate = Complete(field, type.ItemType!, item, true, mode);
                _depth--;
                if (propagate || _restart)
                {
                    return true;
                }
            }

            if (mode == Mode.Write)
            {
                _writer.WriteEndArray();
            }

            return false;
        }

        if (field.Selection is { } selection)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                return Invalid(field, "an object", value, mode);
            }

            if (selection.ByType is { } byType)
            {
                // An interface or union: the value's __typename picks the selection.
                if (!value.TryGetProperty(selection.TypenameProperty!, out var typename) || typename.ValueKind != JsonValueKind.String ||
                    !byType.TryGetValue(typename.GetString()!, out var concrete))
                {
                    return Invalid(field, "an object with a known __typename of " + selection.TypeName, value, mode);
                }

                selection = concrete;
            }

            return CompleteObject(selection, value, true, mode);
        }

        return !WriteLeaf(field, value, mode);
    }

    private bool WriteLeaf(PlanField field, JsonElement value, Mode mode)
    {
        var kind = value.ValueKind;
        switch (field.Leaf)
        {
            case LeafKind.String when kind == JsonValueKind.String:
            case LeafKind.Id when kind == JsonValueKind.String:
            case LeafKind.Custom:
                if (mode == Mode.Write)
                {
                    value.WriteTo(_writer);
                }

                return true;
            case LeafKind.Id when kind == JsonValueKind.Number && value.TryGetInt64(out _):
                if (mode == Mode.Write)
                {
                    _writer.WriteStringValue(JsonMarshal.GetRawUtf8Value(value));
                }

                return true;
            case LeafKind.Int when kind == JsonValueKind.Number && value.TryGetInt32(out var integer):
                if (mode == Mode.Write)
                {
                    _writer.WriteNumberValue(integer);
                }

                return true;
            case LeafKind.Float when kind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number):
                if (mode == Mode.Write)
                {
                    _writer.WriteNumberValue(number);
                }

                return true;
            case LeafKind.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                if (mode == Mode.Write)
                {
                    _writer.WriteBooleanValue(kind == JsonValueKind.True);
                }

                return true;
            case LeafKind.Enum when kind == JsonValueKind.String && IsEnumValue(field.EnumValues!, value):
                if (mode == Mode.Write)
                {
                    value.WriteTo(_writer);
                }

                return true;
            default:
                Invalid(field, field.Type.NamedType, value, mode);
                return false;
        }
    }

    private static bool IsEnumValue(string[] values, JsonElement value)
    {
        foreach (var name in values)
        {
            if (value.ValueEquals(name))
            {
                return true;
            }
        }

        return false;
    }

    private bool Invalid(PlanField field, string expected, JsonElement value, Mode mode)
    {
        if (mode != Mode.Check)
        {
            AddError(
                field,
                $"{field.ParentType}.{field.FieldName}: the source sent {Describe(value)} where {expected} was expected.",
                ErrorCodes.UpstreamInvalidValue);
        }

        if (mode == Mode.Write)
        {
            _writer.WriteNullValue();
        }

        return true;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "the number " + value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private void Push(PathSegment segment)
    {
        if (_depth == _path.Length)
        {
            Array.Resize(ref _path, _path.Length * 2);
        }

        _path[_depth++] = segment;
    }
}
