L.Icon.Default.imagePath = document.currentScript.src.replace(/[^/]*$/, '') + 'cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/images/';
