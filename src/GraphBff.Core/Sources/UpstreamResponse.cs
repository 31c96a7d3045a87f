using System.Text.Json;
using GraphBff.Execution;

namespace GraphBff.Sources;

/// <summary>
/// An upstream answer: its status and JSON, or the error it became. When <see cref="Buffer"/> is set the document
/// reads its first <see cref="BufferLength"/> bytes, an <see cref="System.Buffers.ArrayPool{T}"/> array that whoever keeps
/// the document returns after disposing it (<see cref="ExecutionState.Keep(UpstreamResponse)"/>).
/// </summary>
internal readonly record struct UpstreamResponse(int Status, JsonDocument? Document, GraphQLError? Error, byte[]? Buffer = null, int BufferLength = 0);
