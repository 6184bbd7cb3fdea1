using DurableTask.Core;

namespace VideoPipeline.Durable.Hosting;

/// <summary>DTFx's lookup of the code for a scheduled name; names match case-insensitively, as the SDK's <c>TaskName</c> does.</summary>
internal sealed class TaskObjectManager<T> : INameVersionObjectManager<T>
{
    private readonly Dictionary<string, ObjectCreator<T>> _creators = new(StringComparer.OrdinalIgnoreCase);

    public void Add(ObjectCreator<T> creator)
    {
        ArgumentNullException.ThrowIfNull(creator);
        _creators.Add(Key(creator.Name, creator.Version), creator);
    }

    public T? GetObject(string name, string? version) =>
        _creators.TryGetValue(Key(name, version), out var creator) ? creator.Create() : default;

    private static string Key(string name, string? version) => $"{name}\n{version ?? string.Empty}";
}
