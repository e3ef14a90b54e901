using Notifications.Silo;

var builder = Host.CreateApplicationBuilder(args);
builder.AddNotificationSilo();

using var host = builder.Build();
await host.RunAsync();
