console.log('citybrain');
