using Notifications.WebFront.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddNotificationFrontend();

var app = builder.Build();
app.MapNotificationFrontend();
app.Run();

/// <summary>The entry point, visible to tests that host the frontend.</summary>
public partial class Program;
