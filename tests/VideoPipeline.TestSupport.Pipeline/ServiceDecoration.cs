using Microsoft.Extensions.DependencyInjection;

namespace VideoPipeline.TestSupport.Pipeline;

/// <summary>Wraps the last registration of a service in a decorator, keeping its lifetime.</summary>
internal static class ServiceDecoration
{
    public static void Decorate<T>(this IServiceCollection services, Func<T, IServiceProvider, T> wrap)
        where T : class
    {
        var descriptor = services.LastOrDefault(d => d.ServiceType == typeof(T) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered");
        services.Remove(descriptor);
        services.Add(ServiceDescriptor.Describe(typeof(T), sp => wrap((T)Create(descriptor, sp), sp), descriptor.Lifetime));
    }

    private static object Create(ServiceDescriptor descriptor, IServiceProvider services) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
