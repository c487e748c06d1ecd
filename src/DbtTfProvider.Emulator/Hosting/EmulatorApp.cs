using DbtTfProvider.Emulator.Admin;
using DbtTfProvider.Emulator.Datafold;
using DbtTfProvider.Emulator.DbtCloud;
using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.Emulator.Hosting;

/// <summary>The web application: one port, dbt Cloud under /api/v2 and /api/v3, Datafold under /api/v1, admin under /_emulator.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(EmulatorSeed seed, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(urls);
        // Quiet by default: warnings and worse, on stderr, so that stdout carries only the "listening" line.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new EmulatorState(seed));
        builder.Services.AddSingleton<RequestCounter>();
        builder.Services.AddSingleton<FaultRules>();
        builder.Services.AddSingleton<ErrorEchoMode>();

        var app = builder.Build();
        var state = app.Services.GetRequiredService<EmulatorState>();
        var counter = app.Services.GetRequiredService<RequestCounter>();
        var faults = app.Services.GetRequiredService<FaultRules>();
        var echo = app.Services.GetRequiredService<ErrorEchoMode>();

        app.UseRouting();
        // Redirects first: a request answered with a redirect is neither counted nor faulted.
        app.Use(ApiPipeline.TrailingSlashAsync);
        app.Use((context, next) =>
        {
            counter.Count(context);
            return next(context);
        });
        // Outside the faults, so that an injected error echoes the request too.
        app.Use((context, next) => ErrorEcho.InvokeAsync(context, next, echo));
        app.Use((context, next) => FaultInjection.InvokeAsync(context, next, faults));
        app.Use(ApiPipeline.ErrorBodiesAsync);
        app.Use((context, next) =>
            DbtAuth.Applies(context.Request.Path) ? DbtAuth.InvokeAsync(context, next, state)
            : DatafoldAuth.Applies(context.Request.Path) ? DatafoldAuth.InvokeAsync(context, next, state)
            : next(context));

        var api = app.MapGroup("/api").WithMetadata(ApiRoute.Instance);
        AccountEndpoints.Map(api);
        ServiceTokenEndpoints.Map(api);
        JobEndpoints.Map(api);
        RunEndpoints.Map(api);
        OrganizationEndpoints.Map(api, seed.Datafold.OrganizationMetaRoute);
        // A host of Datafold's current app has no CI-config routes (CI integrations are Datafold Classic's).
        if (seed.Datafold.CiConfigRoutes)
            CiConfigEndpoints.Map(api);
        AdminEndpoints.Map(app);
        return app;
    }
}
