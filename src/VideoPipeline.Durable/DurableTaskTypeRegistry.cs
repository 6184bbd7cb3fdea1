using System.Reflection;
using Microsoft.DurableTask;

namespace VideoPipeline.Durable;

/// <summary>
/// The orchestrator and activity classes the local worker runs. A task's name is its <see cref="DurableTaskAttribute"/>
/// name, else its class name: the same name the Functions app gives it with <c>[Function(nameof(...))]</c>.
/// </summary>
public sealed class DurableTaskTypeRegistry
{
    private readonly Dictionary<string, Type> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> _activities = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, Type> Orchestrators => _orchestrators;

    public IReadOnlyDictionary<string, Type> Activities => _activities;

    public DurableTaskTypeRegistry AddOrchestrator<T>()
        where T : class, ITaskOrchestrator => AddOrchestrator(typeof(T));

    public DurableTaskTypeRegistry AddActivity<T>()
        where T : class, ITaskActivity => AddActivity(typeof(T));

    public DurableTaskTypeRegistry AddOrchestrator(Type type)
    {
        Add(_orchestrators, type, typeof(ITaskOrchestrator));
        return this;
    }

    public DurableTaskTypeRegistry AddActivity(Type type)
    {
        Add(_activities, type, typeof(ITaskActivity));
        return this;
    }

    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetCustomAttribute<DurableTaskAttribute>()?.Name.Name is { Length: > 0 } name ? name : type.Name;
    }

    private static void Add(Dictionary<string, Type> into, Type type, Type contract)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!contract.IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ArgumentException($"{type.FullName} is not a concrete {contract.Name}", nameof(type));
        }

        var name = NameOf(type);
        if (into.TryGetValue(name, out var existing) && existing != type)
        {
            throw new ArgumentException($"two tasks are named '{name}': {existing.FullName} and {type.FullName}", nameof(type));
        }

        into[name] = type;
    }
}
