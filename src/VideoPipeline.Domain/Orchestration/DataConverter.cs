namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// Turns inputs, outputs, events and custom status into the text kept in history and back.
/// Mirrors <c>Microsoft.DurableTask.DataConverter</c>.
/// </summary>
public abstract class DataConverter
{
    public abstract string? Serialize(object? value);

    public abstract object? Deserialize(string? data, Type targetType);

    public T? Deserialize<T>(string? data) => (T?)Deserialize(data, typeof(T));
}
