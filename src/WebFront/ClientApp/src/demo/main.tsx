import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { DemoApp } from "./DemoApp";
import "./demo.css";

const root = document.getElementById("root");
if (root === null) {
  throw new Error("The demo page has no #root element.");
}

createRoot(root).render(
  <StrictMode>
    <DemoApp />
  </StrictMode>,
);
