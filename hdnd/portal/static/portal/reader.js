/* Reader tools of the portal: larger/smaller text, brighter/darker (down to a high-contrast mode),
   print. The choices are kept in localStorage and applied on every page before it is drawn; the
   page reads the same without JavaScript (the buttons stay hidden then). */
(function () {
  "use strict";
  var KEY = "hdnd-reader";
  var SIZES = [87.5, 100, 112.5, 125, 137.5, 150, 175, 200];
  var MODES = ["contrast", "dark", "normal", "light"];
  var MODE_NAMES = {
    contrast: "Chế độ tương phản cao",
    dark: "Chế độ tối",
    normal: "Độ sáng bình thường",
    light: "Chế độ sáng"
  };
  var root = document.documentElement;

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY)) || {};
      return {
        size: SIZES.indexOf(saved.size) >= 0 ? saved.size : 100,
        mode: MODES.indexOf(saved.mode) >= 0 ? saved.mode : "normal"
      };
    } catch (e) {
      return { size: 100, mode: "normal" };
    }
  }

  function apply(state) {
    root.style.fontSize = state.size === 100 ? "" : state.size + "%";
    if (state.mode === "normal") {
      root.removeAttribute("data-reader-mode");
    } else {
      root.setAttribute("data-reader-mode", state.mode);
    }
  }

  function save(state) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) {
      /* private browsing: the choice lasts for this page only */
    }
  }

  var state = load();
  apply(state);

  function announce(text) {
    var status = document.querySelector("[data-reader-status]");
    if (status) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 50);
    }
  }

  function sizeText(size) {
    return "Cỡ chữ " + String(size).replace(".", ",") + " %";
  }

  var actions = {
    larger: function () {
      var i = SIZES.indexOf(state.size);
      if (i < SIZES.length - 1) { state.size = SIZES[i + 1]; }
      return sizeText(state.size) + (i === SIZES.length - 1 ? " (lớn nhất)" : "");
    },
    smaller: function () {
      var i = SIZES.indexOf(state.size);
      if (i > 0) { state.size = SIZES[i - 1]; }
      return sizeText(state.size) + (i === 0 ? " (nhỏ nhất)" : "");
    },
    brighter: function () {
      var i = MODES.indexOf(state.mode);
      if (i < MODES.length - 1) { state.mode = MODES[i + 1]; }
      return MODE_NAMES[state.mode];
    },
    darker: function () {
      var i = MODES.indexOf(state.mode);
      if (i > 0) { state.mode = MODES[i - 1]; }
      return MODE_NAMES[state.mode];
    }
  };

  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("[data-reader]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var name = button.getAttribute("data-reader");
        if (name === "print") {
          window.print();
          return;
        }
        var message = actions[name]();
        apply(state);
        save(state);
        announce(message);
      });
    });
  });
})();
