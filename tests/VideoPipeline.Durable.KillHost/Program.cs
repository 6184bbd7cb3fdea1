using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VideoPipeline.Durable;
using VideoPipeline.Durable.KillHost;
using VideoPipeline.TestSupport.Durable;

// Settings come as --Durable:StorageConnectionString=... --Durable:TaskHubName=... --Journal=FILE.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, DisableDefaults = true });
builder.Configuration.AddCommandLine(args);
builder.Services.AddSingleton(new Journal(builder.Configuration["Journal"] ?? throw new InvalidOperationException("--Journal=FILE is required")));
builder.Services.AddVideoPipelineDurableRuntime(builder.Configuration, tasks => tasks
    .AddOrchestrator<JournaledOrchestrator>()
    .AddActivity<JournalActivity>());
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine(KillHostProtocol.Ready);
await host.WaitForShutdownAsync();
