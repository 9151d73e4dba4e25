/* The maps of the shared tools (projects, partners), on Leaflet (static/vendor/leaflet, from
   the npm registry). Each `.map[data-map-url]` element (templates/includes/map.html) gets a map
   of the points its data URL returns (see home/maps.py for the format). Without a tile server
   the markers stand on a plain background. The list beside the map gives the same records to
   those who cannot use it. */
(function () {
  "use strict";

  // Views of metropolitan France and of each overseas région: [south-west, north-east].
  var VIEWS = {
    metropole: [[41.3, -5.2], [51.1, 9.6]],
    guadeloupe: [[15.8, -61.9], [16.55, -60.95]],
    martinique: [[14.38, -61.25], [14.9, -60.8]],
    guyane: [[2.1, -54.6], [5.8, -51.6]],
    reunion: [[-21.4, 55.2], [-20.85, 55.85]],
    mayotte: [[-13.05, 45.0], [-12.6, 45.3]]
  };

  function setStatus(container, text) {
    var status = container.querySelector(".map__status");
    if (status) status.textContent = text;
  }

  function popup(point, data, container) {
    var wrapper = document.createElement("div");
    var link = document.createElement("a");
    link.href = data.url.replace("{id}", point[0]);
    link.textContent = point[3];
    wrapper.appendChild(link);
    var category = data.categories[point[4]];
    if (category) {
      var detail = document.createElement("div");
      detail.className = "map-popup__category";
      detail.textContent = category[1];
      wrapper.appendChild(detail);
    }
    return wrapper;
  }

  function inView(bounds, point) {
    return bounds.contains([point[1], point[2]]);
  }

  function init(container) {
    var canvas = container.querySelector(".map__canvas");
    if (!window.L || !canvas) {
      setStatus(container, container.dataset.unavailable || "");
      return;
    }
    var map = L.map(canvas, { scrollWheelZoom: false, zoomSnap: 0.25 });
    map.fitBounds(VIEWS.metropole);
    if (container.dataset.tileUrl) {
      L.tileLayer(container.dataset.tileUrl, {
        attribution: container.dataset.tileAttribution || "",
        maxZoom: 18
      }).addTo(map);
    }
    container.querySelectorAll("[data-map-view]").forEach(function (button) {
      button.addEventListener("click", function () {
        map.fitBounds(VIEWS[button.dataset.mapView]);
        canvas.focus();
      });
    });

    fetch(container.dataset.mapUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        var layer = L.featureGroup();
        data.points.forEach(function (point) {
          L.circleMarker([point[1], point[2]], {
            radius: 7,
            weight: 2,
            fillOpacity: 0.9,
            className: "map-marker map-marker--" + (point[4] < 0 ? "none" : point[4])
          })
            .bindTooltip(point[3])
            .bindPopup(function () { return popup(point, data, container); })
            .addTo(layer);
        });
        layer.addTo(map);
        var metropole = L.latLngBounds(VIEWS.metropole);
        var shown = data.points.filter(function (point) { return inView(metropole, point); });
        // Without tiles, stay zoomed out enough for the points' layout to mean something.
        var maxZoom = container.dataset.tileUrl ? 11 : 7;
        if (shown.length) {
          var bounds = L.latLngBounds(shown.map(function (point) { return [point[1], point[2]]; }));
          map.fitBounds(bounds.pad(0.15), { maxZoom: maxZoom });
        } else if (data.points.length) {
          map.fitBounds(layer.getBounds().pad(0.15), { maxZoom: maxZoom });
        }
        container.dataset.loaded = String(data.count);
        setStatus(container, (container.dataset.countLabel || "{count}").replace("{count}", data.count));
      })
      .catch(function () {
        container.dataset.loaded = "error";
        setStatus(container, container.dataset.error || "");
      });
  }

  document.querySelectorAll(".map[data-map-url]").forEach(init);
})();
